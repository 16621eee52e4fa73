import { describe, expect, it } from "vitest";
import { isJointlyApproved, jointApprovalRefusal } from "./joint-approval";

describe("joint approval of rules and templates", () => {
  it("needs both teams", () => {
    expect(isJointlyApproved([])).toBe(false);
    expect(isJointlyApproved([{ userId: "a", team: "NETOPS" }])).toBe(false);
    expect(
      isJointlyApproved([
        { userId: "a", team: "NETOPS" },
        { userId: "b", team: "SECOPS" },
      ]),
    ).toBe(true);
    // Two approvals, but from one team: not joint.
    expect(
      isJointlyApproved([
        { userId: "a", team: "NETOPS" },
        { userId: "c", team: "NETOPS" },
      ]),
    ).toBe(false);
    expect(
      isJointlyApproved([
        { userId: "b", team: "SECOPS" },
        { userId: "d", team: "SECOPS" },
        { userId: "e", team: "LEADERSHIP" },
      ]),
    ).toBe(false);
    // One person recorded for both teams is one approval, not two.
    expect(
      isJointlyApproved([
        { userId: "a", team: "NETOPS" },
        { userId: "a", team: "SECOPS" },
      ]),
    ).toBe(false);
  });

  it("refuses a second approval from the same team or person, and leadership", () => {
    const existing = [{ userId: "a", team: "NETOPS" as const }];
    expect(jointApprovalRefusal(existing, { id: "a", team: "NETOPS" })).toMatch(/already approved this/);
    expect(jointApprovalRefusal(existing, { id: "c", team: "NETOPS" })).toMatch(/other team/);
    expect(jointApprovalRefusal(existing, { id: "d", team: "LEADERSHIP" })).toMatch(/NetOps and SecOps/);
    expect(jointApprovalRefusal(existing, { id: "b", team: "SECOPS" })).toBeNull();
    // The refusal names the team that already approved.
    expect(jointApprovalRefusal(existing, { id: "c", team: "NETOPS" })).toBe("NetOps has already approved; the other team must approve.");
    expect(jointApprovalRefusal([{ userId: "b", team: "SECOPS" }], { id: "e", team: "SECOPS" })).toBe(
      "SecOps has already approved; the other team must approve.",
    );
  });
});
