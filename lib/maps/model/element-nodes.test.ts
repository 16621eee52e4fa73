import { describe, expect, it } from "vitest";
import { elementChangeOperations, elementNodeOperations, elementPackingGraph, type TPlaceableElement } from "./element-nodes";
import { NODE_SIZE, boundsOf } from "./geometry";
import type { TMapNode } from "./schemas";
import { baseNode, id } from "../test-fixtures";

const elements: TPlaceableElement[] = [
  { id: id(101), type: "DATA", name: "Card vault" },
  { id: id(102), type: "APPLICATION", name: "Checkout" },
  { id: id(103), type: "ASSET", name: "POS terminal" },
  { id: id(104), type: "SERVICE", name: "Tokenizer" },
];
const packed = elements.map((element, index) => ({ id: element.id, x: (index % 2) * 232, y: Math.floor(index / 2) * 108 }));
let counter = 0;
const newId = () => id(500 + ++counter);

const created = (operations: ReturnType<typeof elementNodeOperations>): TMapNode[] =>
  operations.map((operation) => {
    if (operation.op !== "createNode") throw new Error("expected createNode");
    return baseNode(0, { ...operation.node, id: operation.node.id! } as Partial<TMapNode>);
  });

describe("elementNodeOperations", () => {
  it("draws each element as a member node of the kind that stands for it, where the packing put it", () => {
    const operations = elementNodeOperations(elements, packed, [], new Set(), newId);
    const nodes = created(operations);
    expect(nodes.map((node) => [node.label, node.kind, node.daasElementId])).toEqual([
      ["Card vault", "DATASTORE", id(101)],
      ["Checkout", "WORKLOAD", id(102)],
      ["POS terminal", "DEVICE", id(103)],
      ["Tokenizer", "SERVICE", id(104)],
    ]);
    expect(nodes.map((node) => [node.x - nodes[0]!.x, node.y - nodes[0]!.y])).toEqual(packed.map((place) => [place.x, place.y]));
    expect(nodes.every((node) => node.zoneId === null)).toBe(true);
  });

  it("puts elements added later beside the members already drawn, overlapping nothing", () => {
    const member = baseNode(1, { daasElementId: id(101), x: 0, y: 0 });
    const other = baseNode(2, { x: 300, y: 0 });
    const operations = elementNodeOperations(elements.slice(1), packed.slice(0, 3), [member, other], new Set([id(101)]), newId);
    const nodes = created(operations);
    const block = boundsOf(nodes, new Map(nodes.map((node) => [node.id, node])))!;
    for (const existing of [member, other]) {
      const apart =
        block.x >= existing.x + NODE_SIZE.width ||
        existing.x >= block.x + block.width ||
        block.y >= existing.y + NODE_SIZE.height ||
        existing.y >= block.y + block.height;
      expect(apart).toBe(true);
    }
    // Beside the member: to its right, roughly level with it.
    expect(block.x).toBeGreaterThan(member.x);
    expect(Math.abs(block.y - member.y)).toBeLessThan(400);
  });

  it("cuts a long element name to the longest node label", () => {
    const [operation] = elementNodeOperations([{ id: id(105), type: "DATA", name: "x".repeat(200) }], [], [], new Set(), newId);
    expect(operation?.op === "createNode" && operation.node.label.length).toBe(120);
  });

  it("has nothing to do for no elements", () => {
    expect(elementNodeOperations([], [], [], new Set(), newId)).toEqual([]);
  });
});

describe("elementPackingGraph", () => {
  it("packs one node-sized box per element, in the surface's order", () => {
    const graph = elementPackingGraph(elements);
    expect(graph.children?.map((child) => [child.id, child.width, child.height])).toEqual(
      elements.map((element) => [element.id, NODE_SIZE.width, NODE_SIZE.height]),
    );
    expect(graph.layoutOptions?.["elk.algorithm"]).toBe("rectpacking");
  });
});

describe("elementChangeOperations", () => {
  const vault = baseNode(1, { daasElementId: id(101), label: "Card vault", version: 3 });
  const checkout = baseNode(2, { daasElementId: id(102), label: "Checkout API (renamed by hand)" });
  const plain = baseNode(3);

  it("unlinks the nodes of removed elements and keeps them (and their flows) on the map", () => {
    expect(elementChangeOperations([vault, checkout, plain], new Set([id(101)]), [])).toEqual([
      { op: "updateNode", id: vault.id, version: 3, patch: { daasElementId: null } },
    ]);
  });

  it("renames a node that still carries the element's old name, and leaves one renamed by hand alone", () => {
    expect(
      elementChangeOperations([vault, checkout], new Set(), [
        { id: id(101), from: "Card vault", to: "Card data vault" },
        { id: id(102), from: "Checkout", to: "Checkout service" },
      ]),
    ).toEqual([{ op: "updateNode", id: vault.id, version: 3, patch: { label: "Card data vault" } }]);
  });
});
