import { describe, expect, it } from "vitest";
import { cachedSnapshot, forgetSnapshots, mapJson, readOnce, rememberSnapshot } from "./snapshots";

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

  it("reads a snapshot once for everyone asking at the same time, and again once that read is over", async () => {
    const key = { mapId: "map-c", version: 1, surfaceUpdatedAt: new Date(0) };
    let loads = 0;
    let finish: (value: string) => void = () => undefined;
    const load = () => {
      loads += 1;
      return new Promise<string>((resolve) => (finish = resolve));
    };
    const first = readOnce(key, load);
    const second = readOnce(key, load);
    const other = readOnce({ ...key, version: 2 }, () => Promise.resolve("v2"));
    finish("v1");
    expect(await Promise.all([first, second, other])).toEqual(["v1", "v1", "v2"]);
    expect(loads).toBe(1);
    const later = readOnce(key, load);
    finish("v1 again");
    expect(await later).toBe("v1 again");
    expect(loads).toBe(2);
  });

  it("lets the next reader try again after a failed read", async () => {
    const key = { mapId: "map-d", version: 1, surfaceUpdatedAt: new Date(0) };
    await expect(readOnce(key, () => Promise.reject(new Error("connection lost")))).rejects.toThrow("connection lost");
    expect(await readOnce(key, () => Promise.resolve("ok"))).toBe("ok");
  });
});
