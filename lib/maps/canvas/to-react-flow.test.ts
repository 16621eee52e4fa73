import { describe, expect, it } from "vitest";
import { BOUNDARY_ID, EMPTY_FILTER, toReactFlow } from "./to-react-flow";
import { edgeAppearance, flowWarnings } from "../model/appearance";
import { baseEdge, baseNode, elementId, map } from "../test-fixtures";

describe("stored map → React Flow", () => {
  const zone = baseNode(1, { kind: "ZONE", x: 100, y: 100, width: 500, height: 300 });
  const inZone = baseNode(2, { zoneId: zone.id, x: 20, y: 40 });
  const member = baseNode(3, { kind: "DATASTORE", daasElementId: elementId, x: 800, y: 200 });
  const flow = baseEdge(10, 2, 3, { encryption: "NONE" });

  it("puts zones before their members, as parents, with relative positions kept", () => {
    const { nodes } = toReactFlow(map([inZone, member, zone], [flow]));
    const ids = nodes.map((node) => node.id);
    expect(ids.indexOf(zone.id)).toBeLessThan(ids.indexOf(inZone.id));
    const child = nodes.find((node) => node.id === inZone.id)!;
    expect(child).toMatchObject({ parentId: zone.id, position: { x: 20, y: 40 }, type: "flowNode" });
    expect(nodes.find((node) => node.id === zone.id)).toMatchObject({ type: "zone", width: 500, height: 300 });
  });

  it("draws a boundary around the surface's members", () => {
    const { nodes } = toReactFlow(map([zone, inZone, member], []));
    const boundary = nodes.find((node) => node.id === BOUNDARY_ID)!;
    expect(boundary.type).toBe("surface");
    expect(boundary.position.x).toBeLessThan(member.x);
    expect(boundary.position.x + (boundary.width ?? 0)).toBeGreaterThan(member.x + 184);
    expect(nodes.find((node) => node.id === member.id)?.data).toMatchObject({
      element: { name: "Card vault", classification: "RESTRICTED" },
    });
  });

  it("has no boundary without members", () => {
    expect(toReactFlow(map([zone], [])).nodes.some((node) => node.id === BOUNDARY_ID)).toBe(false);
  });

  it("carries warnings and a readable label on flows", () => {
    const { edges } = toReactFlow(map([zone, inZone, member], [flow]));
    expect(edges[0]).toMatchObject({ source: inZone.id, target: member.id, type: "flow", data: { label: "TCP 443 HTTPS" } });
    expect(edges[0]!.data!.warnings.map((warning) => warning.code)).toEqual(["unencrypted-sensitive"]);
  });

  it("dims what a filter leaves out", () => {
    const other = baseEdge(11, 3, 2, { status: "DENIED" });
    const { nodes, edges } = toReactFlow(map([zone, inZone, member], [flow, other]), { filter: { ...EMPTY_FILTER, statuses: ["DENIED"] } });
    expect(edges.map((edge) => edge.data!.dimmed)).toEqual([true, false]);
    expect(nodes.filter((node) => node.type !== "surface").every((node) => !(node.data as { dimmed: boolean }).dimmed)).toBe(true);
    const byLabel = toReactFlow(map([zone, inZone, member], []), { filter: { ...EMPTY_FILTER, query: "node 3" } });
    expect(
      byLabel.nodes.filter((node) => node.type !== "surface" && !(node.data as { dimmed: boolean }).dimmed).map((node) => node.id),
    ).toEqual([member.id]);
  });

  it("read-only maps cannot be dragged, connected or deleted", () => {
    const { nodes, edges } = toReactFlow(map([zone, inZone], [baseEdge(12, 2, 2)]), { readOnly: true });
    expect(nodes.every((node) => node.draggable === false && node.deletable === false)).toBe(true);
    expect(edges[0]!.deletable).toBe(false);
  });
});

describe("how flows look", () => {
  it("dashes proposed, colours denied red, thickens encrypted and flags warnings", () => {
    expect(edgeAppearance("PROPOSED", "NONE", false)).toMatchObject({ dash: "8 5", stroke: "var(--accent)", width: 1.5 });
    expect(edgeAppearance("DENIED", "NONE", true)).toMatchObject({ dash: undefined, stroke: "var(--danger)" });
    expect(edgeAppearance("APPROVED", "MTLS", false)).toMatchObject({ stroke: "var(--success)", width: 3 });
    expect(edgeAppearance("APPROVED", "NONE", true).stroke).toBe("var(--warning)");
  });

  it("warns on cleartext into sensitive data and on approvals without a reason, not on denied flows", () => {
    const restricted = () => "RESTRICTED" as const;
    expect(
      flowWarnings({ status: "OBSERVED", encryption: "NONE", justification: "" }, { daasElementId: elementId }, restricted).map(
        (w) => w.code,
      ),
    ).toEqual(["unencrypted-sensitive"]);
    expect(flowWarnings({ status: "DENIED", encryption: "NONE", justification: "" }, { daasElementId: elementId }, restricted)).toEqual([]);
    expect(
      flowWarnings({ status: "APPROVED", encryption: "TLS", justification: " " }, { daasElementId: null }, restricted).map((w) => w.code),
    ).toEqual(["approved-unjustified"]);
    expect(
      flowWarnings({ status: "APPROVED", encryption: "NONE", justification: "ok" }, { daasElementId: elementId }, () => "INTERNAL"),
    ).toEqual([]);
  });
});
