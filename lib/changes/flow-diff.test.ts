import { describe, expect, it } from "vitest";
import { baseEdge, baseNode, id } from "@/lib/maps/test-fixtures";
import { changedFields, flowDiff, operationsBySurface, WHOLE_MAP_LIMIT } from "./flow-diff";
import type { TFlowSnapshot } from "@/lib/change-policy/types";

const zone = baseNode(1, { kind: "ZONE", label: "dmz", x: 100, y: 100, width: 400, height: 300 });
const inner = baseNode(5, { kind: "ZONE", label: "inner", zoneId: zone.id, x: 10, y: 10 });
const gateway = baseNode(2, { kind: "SERVICE", label: "gateway", zoneId: inner.id, x: 20, y: 30 });
const vault = baseNode(3, { kind: "DATASTORE", label: "vault", x: 700, y: 0 });
const far = baseNode(4, { label: "far away" });
const existing = baseEdge(10, 2, 3, { ports: "5432", encryption: "TLS" });
const context = baseEdge(11, 3, 2, { ports: "9000" });
const unrelated = baseEdge(12, 4, 3);
const map = { nodes: [gateway, vault, far, inner, zone], edges: [existing, context, unrelated] };

/** The same map grown past the size drawn whole, by nodes and flows the change does not touch. */
const filler = Array.from({ length: WHOLE_MAP_LIMIT }, (_, n) => baseNode(100 + n, { label: `filler ${n}` }));
const bigMap = { nodes: [...map.nodes, ...filler], edges: [...map.edges, baseEdge(200, 100, 101)] };

const snapshot = (overrides: Partial<TFlowSnapshot> = {}): TFlowSnapshot => ({
  sourceId: gateway.id,
  targetId: vault.id,
  sourceLabel: "gateway",
  targetLabel: "vault",
  protocol: "TCP",
  ports: "5432",
  appProtocol: "HTTPS",
  encryption: "TLS",
  authentication: "NONE",
  justification: "needed",
  ...overrides,
});
const marks = (edges: Array<{ id: string; mark: string }>) => edges.map((edge) => [edge.id, edge.mark]);

describe("a change's flow diff", () => {
  it("marks an added flow on the after side only", () => {
    const diff = flowDiff(map, [{ kind: "ADD", edgeId: null, before: null, after: snapshot({ ports: "443" }) }], false);
    expect(diff.after.find((edge) => edge.mark === "added")).toMatchObject({
      id: "added-0",
      sourceId: gateway.id,
      targetId: vault.id,
      label: "TCP 443 HTTPS · TLS",
    });
    expect(diff.before.some((edge) => edge.mark === "added")).toBe(false);
    expect(diff.missing).toEqual([]);
    expect(diff.focus).toEqual([gateway.id, vault.id]);
  });

  it("draws a small map whole, as stored, zones before the nodes inside them", () => {
    const diff = flowDiff(map, [{ kind: "REMOVE", edgeId: existing.id, before: snapshot(), after: null }], false);
    expect(diff.trimmed).toBe(false);
    expect(diff.nodes.map((node) => node.label)).toEqual(["dmz", "inner", "gateway", "vault", "far away"]);
    expect(diff.nodes.find((node) => node.id === gateway.id)).toBe(gateway);
    expect(marks(diff.before)).toEqual([
      [existing.id, "removed"],
      [context.id, "unchanged"],
      [unrelated.id, "unchanged"],
    ]);
    expect(marks(diff.after)).toEqual([
      [context.id, "unchanged"],
      [unrelated.id, "unchanged"],
    ]);
  });

  it("trims a large map to the touched flows' end points, the flows between them and their zones", () => {
    const diff = flowDiff(bigMap, [{ kind: "REMOVE", edgeId: existing.id, before: snapshot(), after: null }], false);
    expect(diff.trimmed).toBe(true);
    expect(diff.nodes.map((node) => node.label)).toEqual(["dmz", "inner", "gateway", "vault"]);
    expect(marks(diff.before)).toEqual([
      [existing.id, "removed"],
      [context.id, "unchanged"],
    ]);
    expect(marks(diff.after)).toEqual([[context.id, "unchanged"]]);
  });

  it("names the fields a modification changes, on both sides", () => {
    const diff = flowDiff(
      map,
      [
        {
          kind: "MODIFY",
          edgeId: existing.id,
          before: snapshot(),
          after: snapshot({ encryption: "MTLS", ports: "6432", sourceLabel: "renamed since" }),
        },
      ],
      false,
    );
    const changed = (side: typeof diff.before) => side.find((edge) => edge.id === existing.id);
    expect(changed(diff.before)).toMatchObject({ mark: "changed", label: "TCP 5432 HTTPS · TLS", changedFields: ["ports", "encryption"] });
    expect(changed(diff.after)).toMatchObject({ mark: "changed", label: "TCP 6432 HTTPS · mTLS", changedFields: ["ports", "encryption"] });
    expect(changedFields(snapshot(), snapshot())).toEqual([]);
    // A record from before changes named HTTP fields reads them as empty (any), not as changed.
    expect(changedFields(snapshot(), snapshot({ httpMethod: "", httpPath: "" }))).toEqual([]);
    expect(changedFields(snapshot({ httpPath: "/v1/.*" }), snapshot({ httpMethod: "GET", httpPath: "/v1/.*" }))).toEqual(["httpMethod"]);
  });

  it("reports flows the change refers to that are no longer on the map, and new flows whose end point is gone", () => {
    const diff = flowDiff(
      map,
      [
        { kind: "MODIFY", edgeId: id(99), before: snapshot({ sourceLabel: "old app" }), after: snapshot() },
        { kind: "REMOVE", edgeId: id(98), before: snapshot({ targetLabel: "old db" }), after: null },
        { kind: "ADD", edgeId: null, before: null, after: snapshot({ sourceId: id(97), sourceLabel: "deleted node" }) },
      ],
      false,
    );
    expect(diff.missing).toEqual([
      { kind: "MODIFY", flow: "old app → vault" },
      { kind: "REMOVE", flow: "gateway → old db" },
      { kind: "ADD", flow: "deleted node → vault" },
    ]);
    expect(diff.before.every((edge) => edge.mark === "unchanged")).toBe(true);
    expect(diff.after.every((edge) => edge.mark === "unchanged")).toBe(true);
  });

  it("rebuilds the before side from the change's records once the map carries the change", () => {
    const added = baseEdge(13, 3, 2, { ports: "8443", encryption: "MTLS" });
    const applied = { ...map, edges: [{ ...existing, encryption: "MTLS" as const }, context, unrelated, added] };
    const diff = flowDiff(
      applied,
      [
        { kind: "MODIFY", edgeId: existing.id, before: snapshot(), after: snapshot({ encryption: "MTLS" }) },
        { kind: "REMOVE", edgeId: id(98), before: snapshot({ targetId: gateway.id, sourceId: vault.id, ports: "22" }), after: null },
        {
          kind: "ADD",
          edgeId: added.id,
          before: null,
          after: snapshot({ sourceId: vault.id, targetId: gateway.id, ports: "8443", encryption: "MTLS" }),
        },
      ],
      true,
    );
    expect(diff.missing).toEqual([]);
    expect(diff.before.find((edge) => edge.id === existing.id)).toMatchObject({
      label: "TCP 5432 HTTPS · TLS",
      changedFields: ["encryption"],
    });
    expect(diff.after.find((edge) => edge.id === existing.id)).toMatchObject({ label: "TCP 5432 HTTPS · mTLS" });
    expect(diff.before.find((edge) => edge.id === id(98))).toMatchObject({ mark: "removed", label: "TCP 22 HTTPS · TLS" });
    // The flow the change created is on the map now, but only the after side draws it, as added.
    expect(diff.before.some((edge) => edge.id === added.id)).toBe(false);
    expect(diff.after.filter((edge) => edge.id === added.id).map((edge) => edge.mark)).toEqual(["added"]);
  });
});

describe("operations by surface", () => {
  it("gives each surface the operations on its map, in the change's surface order, and skips untouched surfaces", () => {
    const surfaces = [
      { id: "a", name: "A" },
      { id: "b", name: "B" },
      { id: "c", name: "C" },
    ];
    const operations = [
      { surfaceId: "c", n: 1 },
      { surfaceId: "a", n: 2 },
      { surfaceId: "c", n: 3 },
    ];
    expect(
      operationsBySurface(surfaces, operations).map((entry) => [entry.surface.id, entry.operations.map((operation) => operation.n)]),
    ).toEqual([
      ["a", [2]],
      ["c", [1, 3]],
    ]);
  });
});
