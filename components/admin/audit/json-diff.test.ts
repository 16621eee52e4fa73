import { describe, expect, it } from "vitest";
import { diffTopLevelKeys } from "./json-diff";

describe("diffTopLevelKeys", () => {
  it("marks only the keys whose value changed", () => {
    const diff = diffTopLevelKeys({ name: "Ada", team: "NETOPS" }, { name: "Ada", team: "SECOPS" });
    expect(diff.map(({ key, changed }) => [key, changed])).toEqual([
      ["name", false],
      ["team", true],
    ]);
  });

  it("treats a creation (no before) as every key added", () => {
    const diff = diffTopLevelKeys(null, { name: "Ada", roles: ["VIEWER"] });
    expect(diff.every((entry) => entry.changed && !entry.inBefore && entry.inAfter)).toBe(true);
  });

  it("treats a removed key as changed and lists keys alphabetically", () => {
    const diff = diffTopLevelKeys({ b: 2, a: 1 }, { c: 3, b: 2 });
    expect(diff.map(({ key, changed, inAfter }) => [key, changed, inAfter])).toEqual([
      ["a", true, false],
      ["b", false, true],
      ["c", true, true],
    ]);
  });

  it("ignores key order inside nested objects but not array order", () => {
    expect(diffTopLevelKeys({ x: { p: 1, q: 2 } }, { x: { q: 2, p: 1 } })[0]!.changed).toBe(false);
    expect(diffTopLevelKeys({ roles: ["A", "B"] }, { roles: ["B", "A"] })[0]!.changed).toBe(true);
  });

  it("tells null from an absent key", () => {
    expect(diffTopLevelKeys({ revokedAt: null }, {})[0]).toMatchObject({ changed: true, inBefore: true, inAfter: false });
  });

  it("has no keys when neither side is an object", () => {
    expect(diffTopLevelKeys(null, null)).toEqual([]);
    expect(diffTopLevelKeys([1], "text")).toEqual([]);
  });
});
