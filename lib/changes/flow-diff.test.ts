import { describe, expect, it } from "vitest";
import { baseEdge, baseNode, id } from "@/lib/maps/test-fixtures";
import { changedFields, flowDiff } from "./flow-diff";
import type { TFlowSnapshot } from "./snapshot";

const zone = baseNode(1, { kind: "ZONE", label: "dmz", x: 100, y: 100, width: 400, height: 300 });
const gateway = baseNode(2, { kind: "SERVICE", label: "gateway", zoneId: zone.id, x: 20, y: 30 });
const vault = baseNode(3, { kind: "DATASTORE", label: "vault", x: 700, y: 0 });
const far = baseNode(4, { label: "far away" });
const existing = baseEdge(10, 2, 3, { ports: "5432", encryption: "TLS" });
const context = baseEdge(11, 3, 2, { ports: "9000" });
const unrelated = baseEdge(12, 4, 3);
const map = { nodes: [zone, gateway, vault, far], edges: [existing, context, unrelated] };

const snapshot = (overrides: Partial<TFlowSnapshot> = {}): TFlowSnapshot => ({
  sourceId: gateway.id, targetId: vault.id, sourceLabel: "gateway", targetLabel: "vault", protocol: "TCP", ports: "5432", appProtocol: "HTTPS", encryption: "TLS", authentication: "NONE", justification: "needed", ...overrides,
});

describe("a change's flow diff", () => {
  it("marks an added flow on the after side only, with its end points at their absolute positions", () => {
    const diff = flowDiff(map, [{ kind: "ADD", edgeId: null, before: null, after: snapshot({ ports: "443" }) }], false);
    expect(diff.after.edges.find((edge) => edge.mark === "added")).toMatchObject({ sourceId: gateway.id, targetId: vault.id, label: "TCP/443 · TLS" });
    expect(diff.before.edges.some((edge) => edge.mark === "added")).toBe(false);
    expect(diff.after.nodes.find((node) => node.id === gateway.id)).toMatchObject({ x: 120, y: 130 });
    expect(diff.after.nodes.map((node) => node.id).sort()).toEqual([gateway.id, vault.id].sort());
  });

  it("shows the map's other flows between the touched nodes as context, and leaves the rest of the map out", () => {
    const diff = flowDiff(map, [{ kind: "REMOVE", edgeId: existing.id, before: snapshot(), after: null }], false);
    expect(diff.before.edges.map((edge) => [edge.id, edge.mark])).toEqual([[existing.id, "removed"], [context.id, "unchanged"]]);
    expect(diff.after.edges.map((edge) => [edge.id, edge.mark])).toEqual([[context.id, "unchanged"]]);
    expect(diff.before.nodes.some((node) => node.id === far.id)).toBe(false);
  });

  it("names the fields a modification changes, on both sides", () => {
    const diff = flowDiff(map, [{ kind: "MODIFY", edgeId: existing.id, before: snapshot(), after: snapshot({ encryption: "MTLS", ports: "6432" }) }], false);
    const changed = (side: typeof diff.before) => side.edges.find((edge) => edge.id === existing.id);
    expect(changed(diff.before)).toMatchObject({ mark: "changed", label: "TCP/5432 · TLS", changedFields: ["ports", "encryption"] });
    expect(changed(diff.after)).toMatchObject({ mark: "changed", label: "TCP/6432 · MTLS" });
    expect(changedFields(snapshot(), snapshot())).toEqual([]);
  });

  it("reports a flow the change refers to that is no longer on the map", () => {
    const diff = flowDiff(map, [{ kind: "MODIFY", edgeId: id(99), before: snapshot({ sourceLabel: "old app" }), after: snapshot() }], false);
    expect(diff.missing).toEqual(["old app → vault"]);
    expect(diff.before.edges).toEqual([]);
  });

  it("rebuilds the before side from the change's records once the map carries the change", () => {
    const applied = { ...map, edges: [{ ...existing, encryption: "MTLS" as const }, context, unrelated] };
    const diff = flowDiff(applied, [{ kind: "MODIFY", edgeId: existing.id, before: snapshot(), after: snapshot({ encryption: "MTLS" }) }, { kind: "REMOVE", edgeId: id(98), before: snapshot({ targetId: gateway.id, sourceId: vault.id, ports: "22" }), after: null }], true);
    expect(diff.missing).toEqual([]);
    expect(diff.before.edges.find((edge) => edge.id === existing.id)).toMatchObject({ label: "TCP/5432 · TLS", changedFields: ["encryption"] });
    expect(diff.after.edges.find((edge) => edge.id === existing.id)).toMatchObject({ label: "TCP/5432 · MTLS" });
    expect(diff.before.edges.find((edge) => edge.id === id(98))).toMatchObject({ mark: "removed", label: "TCP/22 · TLS" });
  });
});
