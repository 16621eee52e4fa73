import { describe, expect, it } from "vitest";
import { EDITABLE_STATES, STATE_LABELS, VOTING_STATES, stateAfterEdit, targetOf } from "./lifecycle";

describe("change lifecycle tables", () => {
  it("takes votes only in CAB review and emergencies, and allows edits only until implementation starts", () => {
    expect([...VOTING_STATES].sort()).toEqual(["CAB_REVIEW", "EMERGENCY"]);
    expect([...EDITABLE_STATES].sort()).toEqual(["APPROVED", "CAB_REVIEW", "DRAFT", "EMERGENCY", "NEEDS_INFO", "PRE_APPROVED"]);
  });

  it("an edit leaves states other than approved and pre-approved where they are", () => {
    for (const state of ["DRAFT", "CAB_REVIEW", "EMERGENCY", "NEEDS_INFO"] as const) {
      expect(stateAfterEdit(state, null)).toBe(state);
      expect(stateAfterEdit(state, "EMERGENCY")).toBe(state);
    }
    expect(stateAfterEdit("APPROVED", "CAB")).toBe("CAB_REVIEW");
    expect(stateAfterEdit("APPROVED", "EMERGENCY")).toBe("EMERGENCY");
    expect(stateAfterEdit("PRE_APPROVED", "PRE_APPROVED")).toBe("DRAFT");
  });

  it("each manual move names its target state", () => {
    expect(targetOf("schedule", "APPROVED", "CAB")).toBe("SCHEDULED");
    expect(targetOf("unschedule", "SCHEDULED", "CAB")).toBe("APPROVED");
    expect(targetOf("unschedule", "SCHEDULED", "PRE_APPROVED")).toBe("PRE_APPROVED");
    expect(targetOf("implement", "SCHEDULED", "CAB")).toBe("IMPLEMENTED");
    expect(targetOf("verify", "IMPLEMENTED", "CAB")).toBe("VERIFIED");
    expect(targetOf("rollback", "IMPLEMENTED", "CAB")).toBe("ROLLED_BACK");
    expect(targetOf("close", "VERIFIED", "CAB")).toBe("CLOSED");
    expect(targetOf("request-info", "CAB_REVIEW", null)).toBe("NEEDS_INFO");
    expect(targetOf("resubmit", "NEEDS_INFO", null)).toBe("SUBMITTED");
    expect(targetOf("resubmit", "DRAFT", null)).toBe("DRAFT");
  });

  it("every state has a label people read", () => {
    expect(STATE_LABELS).toMatchObject({ DRAFT: "Draft", CAB_REVIEW: "CAB review", APPROVED: "Approved", ROLLED_BACK: "Rolled back" });
    expect(Object.values(STATE_LABELS).every((label) => label.length > 0)).toBe(true);
  });
});
