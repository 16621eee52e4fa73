import { describe, expect, it } from "vitest";
import { DIFF_MARKS, markOfOperation } from "./diff-marks";

describe("comparison colours", () => {
  it("give added green, removed red and changed amber, through the semantic tokens", () => {
    expect(DIFF_MARKS.added.color).toBe("var(--added)");
    expect(DIFF_MARKS.removed.color).toBe("var(--removed)");
    expect(DIFF_MARKS.changed.color).toBe("var(--changed)");
  });

  it("mark each flow operation the way the canvas draws it", () => {
    expect(["ADD", "REMOVE", "MODIFY"].map((kind) => DIFF_MARKS[markOfOperation(kind as "ADD")].label)).toEqual([
      "Added",
      "Removed",
      "Changed",
    ]);
  });
});
