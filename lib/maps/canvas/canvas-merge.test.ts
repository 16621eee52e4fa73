import { describe, expect, it } from "vitest";
import { EMPTY_FILTER, toReactFlow } from "./to-react-flow";
import { mergeEdges, mergeNodes, placeNodes, withSelection, withoutLastFlows } from "./canvas-merge";
import { baseEdge, baseNode, map } from "../test-fixtures";

const zone = baseNode(1, { kind: "ZONE", x: 0, y: 0, width: 500, height: 300 });
const web = baseNode(2, { zoneId: zone.id, x: 20, y: 40 });
const api = baseNode(3, { x: 700, y: 100 });
const flow = baseEdge(10, 2, 3);

const byId = <T extends { id: string }>(list: T[], id: string) => list.find((item) => item.id === id)!;

describe("merging a converted map into the canvas", () => {
  const first = toReactFlow(map([zone, web, api], [flow]));

  it("keeps every object when the map is converted again unchanged", () => {
    const again = toReactFlow(map([zone, web, api], [flow]));
    const nodes = mergeNodes(again.nodes, first.nodes);
    const edges = mergeEdges(again.edges, first.edges);
    // The lists themselves too: React Flow takes in a new list, even of the same objects, as a change.
    expect(nodes).toBe(first.nodes);
    expect(edges).toBe(first.edges);
  });

  it("replaces a moved node but keeps its data, so the node is not drawn again; its neighbours stay as they were", () => {
    const moved = { ...api, x: 900, y: 50, version: 2 };
    const next = mergeNodes(toReactFlow(map([zone, web, moved], [flow])).nodes, first.nodes);
    const node = byId(next, api.id);
    expect(node).not.toBe(byId(first.nodes, api.id));
    expect(node.position).toEqual({ x: 900, y: 50 });
    expect(node.data).toBe(byId(first.nodes, api.id).data);
    expect(byId(next, web.id)).toBe(byId(first.nodes, web.id));
  });

  it("keeps a node that was already placed where the saved map now puts it", () => {
    const placed = placeNodes(first.nodes, new Map([[api.id, { x: 900, y: 50 }]]));
    const saved = toReactFlow(map([zone, web, { ...api, x: 900, y: 50, version: 2 }], [flow]));
    expect(byId(mergeNodes(saved.nodes, placed), api.id)).toBe(byId(placed, api.id));
  });

  it("gives new data when what a node shows changes", () => {
    const renamed = { ...api, label: "api gateway", version: 2 };
    const next = mergeNodes(toReactFlow(map([zone, web, renamed], [flow])).nodes, first.nodes);
    expect(byId(next, api.id).data).not.toBe(byId(first.nodes, api.id).data);
    const labelled = { ...api, labels: { tier: "edge" }, version: 2 };
    expect(byId(mergeNodes(toReactFlow(map([zone, web, labelled], [flow])).nodes, first.nodes), api.id).data).not.toBe(
      byId(first.nodes, api.id).data,
    );
  });

  it("keeps the selection, measured size and a drag in progress that React Flow owns", () => {
    const held = first.nodes.map((node) =>
      node.id === web.id
        ? { ...node, selected: true, dragging: true, position: { x: 55, y: 66 }, measured: { width: 184, height: 60 } }
        : node,
    );
    const next = mergeNodes(toReactFlow(map([zone, { ...web, x: 30, y: 30, version: 2 }, api], [flow])).nodes, held);
    expect(byId(next, web.id)).toMatchObject({
      selected: true,
      dragging: true,
      position: { x: 55, y: 66 },
      measured: { width: 184, height: 60 },
    });
  });

  it("redraws a flow whose look changed, or that a filter dims, and keeps the others", () => {
    const denied = { ...flow, status: "DENIED" as const, version: 2 };
    expect(mergeEdges(toReactFlow(map([zone, web, api], [denied])).edges, first.edges)[0]).not.toBe(first.edges[0]);
    const dimmed = toReactFlow(map([zone, web, api], [flow]), { filter: { ...EMPTY_FILTER, statuses: ["DENIED"] } });
    expect(mergeEdges(dimmed.edges, first.edges)[0]!.data!.dimmed).toBe(true);
    const selected = first.edges.map((edge) => ({ ...edge, selected: true }));
    expect(mergeEdges(toReactFlow(map([zone, web, api], [flow])).edges, selected)[0]).toBe(selected[0]);
  });

  it("places nodes and sizes zones without touching the rest", () => {
    const placed = placeNodes(first.nodes, new Map([[zone.id, { x: 10, width: 640, height: null }]]));
    expect(byId(placed, zone.id)).toMatchObject({ position: { x: 10, y: 0 }, width: 640, height: 300 });
    expect(byId(placed, web.id)).toBe(byId(first.nodes, web.id));
  });
});

describe("selecting on the canvas", () => {
  it("sets the selection and keeps every node whose selection does not change", () => {
    const nodes = toReactFlow(map([zone, web, api], [flow])).nodes;
    const selected = withSelection(nodes, (node) => node.id === api.id);
    expect(byId(selected, api.id).selected).toBe(true);
    expect(byId(selected, web.id)).toBe(byId(nodes, web.id));
    expect(withSelection(selected, (node) => node.id === api.id)[2]).toBe(selected[2]);
  });
});

describe("taking flows off the canvas while a layout moves the nodes", () => {
  const flows = ["a", "b", "c", "d"].map((id) => ({ id }));

  it("hands back the list itself when no flow is hidden", () => {
    expect(withoutLastFlows(flows, 0)).toBe(flows);
  });

  it("leaves out the last flows first, and every flow once all are hidden", () => {
    expect(withoutLastFlows(flows, 1).map((flow) => flow.id)).toEqual(["a", "b", "c"]);
    expect(withoutLastFlows(flows, 4)).toEqual([]);
    expect(withoutLastFlows(flows, 99)).toEqual([]);
  });

  it("keeps a selected flow, so its inspector stays open through a layout", () => {
    const withSelected = [flows[0]!, { id: "picked", selected: true }, flows[1]!];
    expect(withoutLastFlows(withSelected, 3).map((flow) => flow.id)).toEqual(["picked"]);
  });
});
