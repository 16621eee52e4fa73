import { describe, expect, it } from "vitest";
import { ChangeState } from "@/lib/db/generated/enums.ts";
import { EDITABLE_STATES, STATE_LABELS, TRANSITIONS, VOTING_STATES, stateAfterEdit, targetOf } from "./lifecycle";

const STATES = Object.values(ChangeState);

/** The states from which the workflow can still reach `target` (itself included). */
function statesReaching(target: ChangeState): Set<ChangeState> {
  const reaching = new Set<ChangeState>([target]);
  for (let grew = true; grew;) {
    grew = false;
    for (const state of STATES) {
      if (!reaching.has(state) && TRANSITIONS[state].some((next) => reaching.has(next))) {
        reaching.add(state);
        grew = true;
      }
    }
  }
  return reaching;
}

describe("change lifecycle tables", () => {
  it("takes votes exactly where a vote decides: the states a change leaves by approval or rejection", () => {
    for (const state of STATES) {
      const decidedByVotes = TRANSITIONS[state].includes("APPROVED") && TRANSITIONS[state].includes("REJECTED");
      expect(VOTING_STATES.includes(state), state).toBe(decidedByVotes);
    }
  });

  it("allows edits in every state at rest from which the change can still be scheduled, and in none from scheduling on", () => {
    const beforeScheduling = statesReaching("SCHEDULED");
    for (const state of STATES) {
      // SUBMITTED is passed through on submit, never a state a person sees a change in.
      const editable = beforeScheduling.has(state) && state !== "SCHEDULED" && state !== "SUBMITTED";
      expect(EDITABLE_STATES.includes(state), state).toBe(editable);
    }
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

  it("every state has a label of its own that people read, not the stored name", () => {
    const labels = STATES.map((state) => STATE_LABELS[state]);
    for (const [index, label] of labels.entries()) {
      // Words with a capital first letter, no underscores, not the enum's capitals.
      expect(label, STATES[index]).toMatch(/^[A-Z][A-Za-z -]*$/);
      expect(label).not.toBe(STATES[index]);
    }
    expect(new Set(labels).size).toBe(STATES.length);
  });
});
