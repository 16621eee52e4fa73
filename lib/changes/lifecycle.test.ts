import fc from "fast-check";
import type { ChangeState } from "@/lib/db/generated/enums.ts";
import { describe, expect, it } from "vitest";
import { CHANGE_STATES, canTransition, stateAfterEdit, stateForTrack, SUBMITTABLE_STATES, TRANSITIONS } from "./lifecycle";

describe("change lifecycle", () => {
  it("allows exactly the moves of the workflow", () => {
    const legal = CHANGE_STATES.flatMap((from) => TRANSITIONS[from].map((to) => `${from}>${to}`));
    expect(legal).toEqual([
      "DRAFT>SUBMITTED",
      "DRAFT>CLOSED",
      "SUBMITTED>PRE_APPROVED",
      "SUBMITTED>CAB_REVIEW",
      "SUBMITTED>EMERGENCY",
      "PRE_APPROVED>SCHEDULED",
      "PRE_APPROVED>DRAFT",
      "PRE_APPROVED>CLOSED",
      "CAB_REVIEW>APPROVED",
      "CAB_REVIEW>REJECTED",
      "CAB_REVIEW>NEEDS_INFO",
      "EMERGENCY>APPROVED",
      "EMERGENCY>REJECTED",
      "APPROVED>SCHEDULED",
      "APPROVED>CAB_REVIEW",
      "APPROVED>EMERGENCY",
      "APPROVED>CLOSED",
      "REJECTED>CLOSED",
      "NEEDS_INFO>SUBMITTED",
      "NEEDS_INFO>CLOSED",
      "SCHEDULED>IMPLEMENTED",
      "SCHEDULED>ROLLED_BACK",
      "SCHEDULED>APPROVED",
      "SCHEDULED>PRE_APPROVED",
      "IMPLEMENTED>VERIFIED",
      "IMPLEMENTED>ROLLED_BACK",
      "VERIFIED>CLOSED",
      "ROLLED_BACK>CLOSED",
    ]);
  });

  it("never reaches VERIFIED without passing IMPLEMENTED, nor SCHEDULED without an approval state", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CHANGE_STATES), { maxLength: 30 }), (attempts) => {
        let state: ChangeState = "DRAFT";
        const path: ChangeState[] = [state];
        for (const next of attempts) {
          if (!canTransition(state, next)) continue;
          state = next;
          path.push(state);
        }
        path.forEach((step, index) => {
          if (step === "VERIFIED") expect(path[index - 1]).toBe("IMPLEMENTED");
          if (step === "SCHEDULED") expect(["APPROVED", "PRE_APPROVED"]).toContain(path[index - 1]);
          if (step === "APPROVED") expect(["CAB_REVIEW", "EMERGENCY", "SCHEDULED"]).toContain(path[index - 1]);
        });
      }),
    );
  });

  it("closed is final and nothing returns to SUBMITTED but a draft or a change sent back", () => {
    expect(TRANSITIONS.CLOSED).toEqual([]);
    const intoSubmitted = CHANGE_STATES.filter((from) => canTransition(from, "SUBMITTED"));
    expect(intoSubmitted).toEqual(["DRAFT", "NEEDS_INFO"]);
  });

  it("maps tracks to states and edits back to review", () => {
    expect(stateForTrack("PRE_APPROVED")).toBe("PRE_APPROVED");
    expect(stateForTrack("CAB")).toBe("CAB_REVIEW");
    expect(stateForTrack("EMERGENCY")).toBe("EMERGENCY");
    expect(stateAfterEdit("APPROVED", "CAB")).toBe("CAB_REVIEW");
    expect(stateAfterEdit("APPROVED", "EMERGENCY")).toBe("EMERGENCY");
    expect(stateAfterEdit("PRE_APPROVED", "PRE_APPROVED")).toBe("DRAFT");
    expect(stateAfterEdit("CAB_REVIEW", "CAB")).toBe("CAB_REVIEW");
    for (const state of ["APPROVED", "PRE_APPROVED"] as const) expect(canTransition(state, stateAfterEdit(state, "CAB"))).toBe(true);
  });
});

describe("SUBMITTABLE_STATES", () => {
  it("are the states submit accepts, and an edit of a pre-approved change lands in one", () => {
    expect([...SUBMITTABLE_STATES].sort()).toEqual(["DRAFT", "NEEDS_INFO"]);
    expect(SUBMITTABLE_STATES).toContain(stateAfterEdit("PRE_APPROVED", "PRE_APPROVED"));
    expect(SUBMITTABLE_STATES).not.toContain(stateAfterEdit("APPROVED", "CAB"));
  });
});
