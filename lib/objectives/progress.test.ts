import { describe, expect, it } from "vitest";
import { keyResultProgress, objectiveProgress } from "./progress";

describe("key result progress", () => {
  it("is null without a current value", () => {
    expect(keyResultProgress(null, 0, 10)).toBeNull();
  });

  it("measures upward and downward targets and clamps to 0..1", () => {
    expect(keyResultProgress(5, 0, 10)).toBe(0.5);
    expect(keyResultProgress(12, 0, 10)).toBe(1);
    expect(keyResultProgress(-3, 0, 10)).toBe(0);
    expect(keyResultProgress(30, 40, 0)).toBe(0.25);
    expect(keyResultProgress(0, 40, 0)).toBe(1);
  });

  it("treats a target equal to the baseline as reached or not", () => {
    expect(keyResultProgress(5, 5, 5)).toBe(1);
    expect(keyResultProgress(4, 5, 5)).toBe(0);
  });
});

describe("objective progress", () => {
  it("averages known key results, ignoring those without data", () => {
    expect(objectiveProgress([])).toBeNull();
    expect(objectiveProgress([null])).toBeNull();
    expect(objectiveProgress([0.5])).toBe(0.5);
    expect(objectiveProgress([0.5, 1, null])).toBe(0.75);
  });
});
