import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Team } from "@/lib/db/generated/enums.ts";
import { isJointlyApproved, jointApprovalRefusal } from "./joint-approval";

/**
 * Joint approval of rules and templates stated on its own terms, against any sequence of approval
 * attempts by people who move between teams: the artefact is active exactly when two different
 * people approved it, one while in NetOps and one while in SecOps, and no team or person ever
 * approves twice.
 */
const PEOPLE = 5;
const teamArb = fc.constantFrom<Team>("NETOPS", "SECOPS", "LEADERSHIP");
const stepArb = fc.oneof(
  fc.record({ kind: fc.constant("approve" as const), person: fc.nat(PEOPLE - 1) }),
  fc.record({ kind: fc.constant("move" as const), person: fc.nat(PEOPLE - 1), team: teamArb }),
);

describe("joint approval of rules and templates, stated as rules (property)", () => {
  it("one approval per team from two different people, whoever moves between teams", () => {
    fc.assert(
      fc.property(fc.array(teamArb, { minLength: PEOPLE, maxLength: PEOPLE }), fc.array(stepArb, { maxLength: 20 }), (teams, steps) => {
        const people = teams.map((team, index) => ({ id: `p${index}`, team }));
        let approvals: Array<{ userId: string; team: Team }> = [];
        for (const step of steps) {
          const person = people[step.person]!;
          if (step.kind === "move") {
            people[step.person] = { ...person, team: step.team };
            continue;
          }
          const mayApprove =
            (person.team === "NETOPS" || person.team === "SECOPS") &&
            !approvals.some((approval) => approval.userId === person.id) &&
            !approvals.some((approval) => approval.team === person.team);
          const refusal = jointApprovalRefusal(approvals, person);
          expect(refusal === null).toBe(mayApprove);
          if (refusal === null) approvals = [...approvals, { userId: person.id, team: person.team }];
          const net = approvals.filter((approval) => approval.team === "NETOPS").map((approval) => approval.userId);
          const sec = approvals.filter((approval) => approval.team === "SECOPS").map((approval) => approval.userId);
          expect(isJointlyApproved(approvals)).toBe(net.some((n) => sec.some((s) => s !== n)));
          expect(net.length).toBeLessThanOrEqual(1);
          expect(sec.length).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("two approvals from one team, or from one person, are never joint", () => {
    fc.assert(
      fc.property(fc.constantFrom<Team>("NETOPS", "SECOPS"), fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (team, a, b) => {
        expect(
          isJointlyApproved([
            { userId: a, team },
            { userId: b, team },
          ]),
        ).toBe(false);
        expect(
          isJointlyApproved([
            { userId: a, team: "NETOPS" },
            { userId: a, team: "SECOPS" },
          ]),
        ).toBe(false);
      }),
    );
  });
});
