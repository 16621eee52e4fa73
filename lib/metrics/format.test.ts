import { describe, expect, it } from "vitest";
import { detailLabelOf, formatFigure, formatFigureBeside, formatTarget } from "./format";
import { FIGURE_LIMIT, unitKind, valueBounds, valueProblem } from "./units";

describe("unit kinds", () => {
  it.each([
    ["%", "percent"],
    ["percent", "percent"],
    ["count", "count"],
    ["incidents", "count"],
    ["hours", "duration"],
    ["d", "duration"],
    ["Minutes", "duration"],
    ["EUR", "number"],
    ["score", "number"],
  ] as const)("%s is a %s", (unit, kind) => expect(unitKind(unit)).toBe(kind));
});

describe("reading bounds", () => {
  it("keeps a percentage within 0–100 unless the KPI declares other bounds", () => {
    expect(valueProblem(2147483648, valueBounds("%"))).toBe("must be between 0 and 100");
    expect(valueProblem(-1, valueBounds("%"))).toBe("must be between 0 and 100");
    expect(valueProblem(100, valueBounds("%"))).toBeNull();
    expect(valueProblem(0, valueBounds("%"))).toBeNull();
    expect(valueProblem(250, valueBounds("%", { minValue: -100, maxValue: 1000 }))).toBeNull();
    expect(valueProblem(-101, valueBounds("%", { minValue: -100, maxValue: 1000 }))).toBe("must be between -100 and 1000");
  });

  it("takes counts as non-negative whole numbers", () => {
    expect(valueProblem(3, valueBounds("incidents"))).toBeNull();
    expect(valueProblem(2.5, valueBounds("count"))).toBe("must be a whole number");
    expect(valueProblem(-1, valueBounds("count"))).toBe("must not be negative");
  });

  it("takes durations as non-negative", () => {
    expect(valueProblem(0.5, valueBounds("hours"))).toBeNull();
    expect(valueProblem(-0.5, valueBounds("d"))).toBe("must not be negative");
  });

  it("bounds every number, whatever its unit or declared bounds", () => {
    expect(valueProblem(FIGURE_LIMIT * 10, valueBounds("EUR"))).toMatch(/^must be at most/);
    expect(valueProblem(-FIGURE_LIMIT * 10, valueBounds("EUR"))).toMatch(/^must be at least/);
    expect(valueBounds("EUR", { maxValue: 1e300 }).max).toBe(FIGURE_LIMIT);
    expect(valueProblem(Number.NaN, valueBounds("EUR"))).toBe("must be a number");
  });
});

describe("formatting a figure", () => {
  it("writes each unit one way", () => {
    expect(formatFigure(87.5, "%")).toBe("87.5%");
    expect(formatFigure(33.333, "%")).toBe("33.3%");
    expect(formatFigure(1234, "count")).toBe("1,234");
    expect(formatFigure(3, "incidents")).toBe("3 incidents");
    expect(formatFigure(12, "hours")).toBe("12 h");
    expect(formatFigure(72, "hours")).toBe("3 d");
    expect(formatFigure(190.5, "hours")).toBe("7.9 d");
    expect(formatFigure(3, "d")).toBe("3 d");
    expect(formatFigure(45, "minutes")).toBe("45 min");
    expect(formatFigure(1.256, "EUR")).toBe("1.26 EUR");
    expect(formatFigure(null, "%")).toBe("—");
  });

  it("writes a target with the comparator of its direction, in the figure's own unit", () => {
    expect(formatTarget(72, "hours", "LOWER_IS_BETTER")).toBe("≤ 3 d");
    expect(formatTarget(95, "%", "HIGHER_IS_BETTER")).toBe("≥ 95%");
    expect(formatTarget(null, "%", "HIGHER_IS_BETTER")).toBeNull();
  });

  it("writes now, target and the past of one metric in the same unit", () => {
    const row = [formatFigure(72, "hours"), formatTarget(72, "hours", "LOWER_IS_BETTER"), formatFigure(190.5, "hours")];
    expect(row.every((text) => text!.endsWith(" d"))).toBe(true);
  });
});

describe("a figure's detail in words", () => {
  it.each([
    ["total", "Total"],
    ["withoutJustification", "Without justification"],
    ["jointSignOffs", "Joint sign offs"],
    ["PRE_APPROVED.median", "Pre-approved median"],
    ["CAB.p90", "CAB 90th percentile"],
    ["EMERGENCY.p90", "Emergency 90th percentile"],
    ["p90", "90th percentile"],
  ])("%s reads %s", (key, label) => {
    expect(detailLabelOf(key)).toBe(label);
  });
});

describe("a value beside its target", () => {
  it("is written as usual when it reads differently from the target, or is the target", () => {
    expect(formatFigureBeside(60, 72, "hours")).toBe("2.5 d");
    expect(formatFigureBeside(72, 72, "hours")).toBe("3 d");
    expect(formatFigureBeside(null, 72, "hours")).toBe("—");
    expect(formatFigureBeside(72.5, null, "hours")).toBe("3 d");
  });

  it("gets the digits it takes not to read as the target it misses", () => {
    expect(formatFigureBeside(72.5, 72, "hours")).toBe("3.02 d");
    expect(formatFigureBeside(99.96, 100, "percent")).toBe("99.96%");
    expect(formatFigureBeside(0.4, 0, "count")).toBe("0.4");
  });
});
