import { describe, expect, it } from "vitest";
import { filterOptions } from "./multi-combobox";

const options = [
  { value: "1", label: "Card payments", description: "restricted" },
  { value: "2", label: "Payroll", description: "confidential" },
  { value: "3", label: "Staff wiki", description: "internal" },
];

describe("filterOptions", () => {
  it("keeps options whose label or description holds every word typed, case ignored", () => {
    expect(filterOptions(options, "PAY").map((option) => option.value)).toEqual(["1", "2"]);
    expect(filterOptions(options, "pay restricted").map((option) => option.value)).toEqual(["1"]);
    expect(filterOptions(options, "internal").map((option) => option.value)).toEqual(["3"]);
  });

  it("lists everything for an empty or blank query, and nothing for a miss", () => {
    expect(filterOptions(options, "  ")).toHaveLength(3);
    expect(filterOptions(options, "zzz")).toEqual([]);
  });
});
