import { describe, expect, it } from "vitest";
import { isJointlyApproved, jointApprovalRefusal } from "./approval";

describe("joint approval of rules and templates", () => {
  it("needs both teams", () => {
    expect(isJointlyApproved([])).toBe(false);
    expect(isJointlyApproved([{ userId: "a", team: "NETOPS" }])).toBe(false);
    expect(isJointlyApproved([{ userId: "a", team: "NETOPS" }, { userId: "b", team: "SECOPS" }])).toBe(true);
  });

  it("refuses a second approval from the same team or person, and leadership", () => {
    const existing = [{ userId: "a", team: "NETOPS" as const }];
    expect(jointApprovalRefusal(existing, { id: "a", team: "NETOPS" })).toMatch(/already approved this/);
    expect(jointApprovalRefusal(existing, { id: "c", team: "NETOPS" })).toMatch(/other team/);
    expect(jointApprovalRefusal(existing, { id: "d", team: "LEADERSHIP" })).toMatch(/NetOps and SecOps/);
    expect(jointApprovalRefusal(existing, { id: "b", team: "SECOPS" })).toBeNull();
  });
});
