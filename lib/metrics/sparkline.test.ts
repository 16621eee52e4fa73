import { describe, expect, it } from "vitest";
import { sparklinePath } from "./sparkline";

describe("sparkline geometry", () => {
  it("spans the box from the first to the last point, higher values drawn higher", () => {
    expect(sparklinePath([0, 10], null)).toEqual({ line: "M0 36 L100 4", targetY: null });
  });

  it("keeps the target inside the drawn range", () => {
    const { targetY } = sparklinePath([10, 20], 30);
    expect(targetY).toBe(4);
    expect(sparklinePath([10, 20], 0).targetY).toBe(36);
  });

  it("draws a flat series across the middle of nothing rather than dividing by zero", () => {
    expect(sparklinePath([5, 5, 5], null).line).toBe("M0 36 L50 36 L100 36");
  });
});
