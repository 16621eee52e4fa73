import { describe, expect, it } from "vitest";
import { cachedSnapshot, forgetSnapshots, mapJson, rememberSnapshot } from "./snapshots";

const node = { id: "n1", label: "web", x: 1.5 };
const edge = { id: "e1", sourceId: "n1", targetId: "n1", ports: "443" };

describe("map snapshots", () => {
  it("keeps a snapshot per map, version and surface change", () => {
    forgetSnapshots();
    const snapshot = { nodes: [], edges: [] };
    const surfaceUpdatedAt = new Date("2026-11-01T10:00:00Z");
    const key = { mapId: "map-a", version: 3, surfaceUpdatedAt };
    rememberSnapshot(key, snapshot);
    expect(cachedSnapshot({ ...key, surfaceUpdatedAt: new Date(surfaceUpdatedAt) })).toBe(snapshot);
    expect(cachedSnapshot({ ...key, version: 4 })).toBeUndefined();
    expect(cachedSnapshot({ ...key, mapId: "map-b" })).toBeUndefined();
    expect(cachedSnapshot({ ...key, surfaceUpdatedAt: new Date("2026-11-01T10:00:01Z") })).toBeUndefined();
    forgetSnapshots();
    expect(cachedSnapshot(key)).toBeUndefined();
  });

  it("encodes a map response as the same JSON as JSON.stringify, whatever is cached", () => {
    const map = { surface: { id: "s", name: 'Quote " and \\ slash' }, version: 7, nodes: [node], edges: [edge], people: [] };
    expect(JSON.parse(mapJson(map))).toEqual(map);
    const sameElements = { ...map, surface: { id: "s", name: "Renamed" } };
    expect(JSON.parse(mapJson(sameElements))).toEqual(sameElements);
    expect(JSON.parse(mapJson({ nodes: [], edges: [] }))).toEqual({ nodes: [], edges: [] });
  });
});
