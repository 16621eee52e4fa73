import { describe, expect, it } from "vitest";
import { infoRequestRefusal, reclassificationRefusal, scheduleWindowRefusal, verifierRefusal } from "./duties";

const at = (hour: number) => new Date(Date.UTC(2027, 2, 1, hour));
const approved = { start: at(10), end: at(11) };

describe("the approved window binds the schedule", () => {
  it("accepts the approved window and any window inside it", () => {
    expect(scheduleWindowRefusal(approved, approved)).toBeNull();
    expect(
      scheduleWindowRefusal(approved, { start: new Date(at(10).getTime() + 60_000), end: new Date(at(11).getTime() - 60_000) }),
    ).toBeNull();
  });

  it("refuses any window reaching outside it, naming both windows and the way out", () => {
    for (const requested of [
      { start: at(9), end: at(11) },
      { start: at(10), end: at(12) },
      { start: at(9), end: at(12) },
      { start: new Date(Date.UTC(2027, 5, 1, 10)), end: new Date(Date.UTC(2027, 5, 2, 10)) },
    ]) {
      const refusal = scheduleWindowRefusal(approved, requested);
      expect(refusal).toContain(approved.start.toISOString());
      expect(refusal).toContain(requested.end.toISOString());
      expect(refusal).toMatch(/approvals become void and it is classified again/);
    }
  });

  it("leaves a change approved without a window to the classifier", () => {
    expect(scheduleWindowRefusal(null, approved)).toBeNull();
    expect(reclassificationRefusal({ track: "CAB", requiredApprovals: 2 }, { track: "CAB", requiredApprovals: 2 }, approved)).toBeNull();
    expect(reclassificationRefusal({ track: "CAB", requiredApprovals: 3 }, { track: "CAB", requiredApprovals: 2 }, approved)).toBeNull();
    expect(reclassificationRefusal({ track: "CAB", requiredApprovals: 2 }, { track: "CAB", requiredApprovals: 3 }, approved)).toMatch(
      /3 approvals/,
    );
    expect(
      reclassificationRefusal({ track: "PRE_APPROVED", requiredApprovals: 0 }, { track: "CAB", requiredApprovals: 2 }, approved),
    ).toMatch(/for the CAB .* not pre-approved/);
    expect(
      reclassificationRefusal({ track: "CAB", requiredApprovals: 2 }, { track: "PRE_APPROVED", requiredApprovals: 0 }, approved),
    ).toMatch(/pre-approved/);
  });
});

describe("two people implement and verify; nobody asks themselves", () => {
  it("refuses the implementer as verifier, and the requester asking themselves", () => {
    expect(verifierRefusal("ann", "ann")).toMatch(/someone else must verify/);
    expect(verifierRefusal("ann", "bob")).toBeNull();
    expect(verifierRefusal(null, "bob")).toBeNull();
    expect(infoRequestRefusal("ann", "ann")).toMatch(/cannot ask themselves/);
    expect(infoRequestRefusal("ann", "bob")).toBeNull();
  });
});

describe("refusals say exactly what was approved and what to do", () => {
  it("names the approved and the requested window, start to end", () => {
    expect(scheduleWindowRefusal(approved, { start: at(10), end: new Date(at(11).getTime() + 1) })).toBe(
      "This change was approved for 2027-03-01T10:00:00.000Z – 2027-03-01T11:00:00.000Z; 2027-03-01T10:00:00.000Z – 2027-03-01T11:00:00.001Z lies outside that window. Schedule it inside the approved window, or edit the change's window: its approvals become void and it is classified again.",
    );
    expect(scheduleWindowRefusal(approved, { start: new Date(at(10).getTime() - 1), end: at(11) })).not.toBeNull();
  });

  it("names both classifications, each track in words", () => {
    expect(reclassificationRefusal({ track: "CAB", requiredApprovals: 2 }, { track: "EMERGENCY", requiredApprovals: 2 }, approved)).toBe(
      "With the window 2027-03-01T10:00:00.000Z – 2027-03-01T11:00:00.000Z this change is classified as an emergency (2 approvals), not for the CAB (2) as it was approved. Edit the change to set this window: its approvals become void and it is classified again.",
    );
    expect(
      reclassificationRefusal({ track: "PRE_APPROVED", requiredApprovals: 0 }, { track: "CAB", requiredApprovals: 3 }, approved),
    ).toContain("classified for the CAB (3 approvals), not pre-approved (0)");
  });

  it("says who must act instead", () => {
    expect(verifierRefusal("ann", "ann")).toBe("You implemented this change; someone else must verify it.");
    expect(infoRequestRefusal("ann", "ann")).toBe("A requester cannot ask themselves for more information; edit the change instead.");
  });
});
