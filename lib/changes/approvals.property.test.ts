import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Role, Team } from "@/lib/db/generated/enums.ts";
import { approvalStatus, voteRefusal, type TChangeForVote, type TVote } from "./approvals";

/**
 * The CAB approval rules stated on their own terms and checked against any sequence of votes,
 * edits and reassignments. People's teams and roles change mid-sequence, an edit voids every vote,
 * and an edit may restore content that was voted on before (so a voided vote whose content hash
 * matches again must still not count). The model keeps its own record of when each vote was cast
 * and what the voter was at that moment; the statements below use that record, never the module's
 * own helpers.
 */

type TPerson = { id: string; team: Team; roles: Role[] };
type TCast = TVote & { epoch: number; rolesThen: Role[] };
type TStep =
  | { kind: "vote"; person: number; decision: "APPROVE" | "REJECT" }
  | { kind: "edit"; restore: boolean }
  | { kind: "reassign"; person: number; team: Team; roles: Role[] };

const TEAMS: Team[] = ["NETOPS", "SECOPS", "LEADERSHIP"];
const teamArb = fc.constantFrom(...TEAMS);
const rolesArb = fc.subarray<Role>(["VIEWER", "CONTRIBUTOR", "CAB_MEMBER", "ADMIN"], { minLength: 1 });
const PEOPLE = 7;

const stepArb: fc.Arbitrary<TStep> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("vote" as const),
      person: fc.nat(PEOPLE - 1),
      decision: fc.constantFrom<"APPROVE" | "REJECT">("APPROVE", "APPROVE", "APPROVE", "REJECT"),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("edit" as const), restore: fc.boolean() }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("reassign" as const), person: fc.nat(PEOPLE - 1), team: teamArb, roles: rolesArb }),
  },
);

const scenarioArb = fc.record({
  people: fc.array(fc.record({ team: teamArb, roles: rolesArb }), { minLength: PEOPLE, maxLength: PEOPLE }),
  requester: fc.nat(PEOPLE - 1),
  required: fc.integer({ min: 0, max: 5 }),
  track: fc.constantFrom("CAB" as const, "EMERGENCY" as const),
  steps: fc.array(stepArb, { maxLength: 40 }),
});

describe("CAB approval, stated as rules (property)", () => {
  it("holds for every sequence of votes, edits that void, and people changing team and roles", () => {
    fc.assert(
      fc.property(scenarioArb, ({ people: initial, requester, required, track, steps }) => {
        const people: TPerson[] = initial.map((person, index) => ({ id: `p${index}`, ...person }));
        const requesterId = `p${requester}`;
        const hashes = ["h0"];
        let epoch = 0;
        let cast: TCast[] = [];
        const change = (): TChangeForVote => ({
          requesterId,
          state: track === "CAB" ? "CAB_REVIEW" : "EMERGENCY",
          track,
          contentHash: hashes[hashes.length - 1]!,
          requiredApprovals: required,
          votes: cast,
        });

        for (const step of steps) {
          if (step.kind === "reassign") {
            people[step.person] = { ...people[step.person]!, team: step.team, roles: step.roles };
          } else if (step.kind === "edit") {
            // The service voids every vote on an edit; the content may go back to an earlier version.
            cast = cast.map((vote) => ({ ...vote, voided: true }));
            epoch += 1;
            hashes.push(step.restore ? hashes[0]! : `h${epoch}`);
          } else {
            const voter = people[step.person]!;
            const sinceEdit = cast.filter((vote) => vote.epoch === epoch);
            const refusal = voteRefusal(change(), voter);
            // Who may vote, stated directly: a CAB member who is not the requester and has not voted since the last edit.
            const mayVote =
              voter.roles.includes("CAB_MEMBER") && voter.id !== requesterId && !sinceEdit.some((vote) => vote.userId === voter.id);
            expect(refusal === null).toBe(mayVote);
            if (refusal !== null) continue;
            cast = [
              ...cast,
              {
                userId: voter.id,
                team: voter.team,
                decision: step.decision,
                contentHash: change().contentHash,
                voided: false,
                epoch,
                rolesThen: voter.roles,
              },
            ];
          }

          // What the votes cast since the last edit decide, from the record of who each voter was then.
          const counting = cast.filter((vote) => vote.epoch === epoch);
          const approvers = counting.filter((vote) => vote.decision === "APPROVE");
          const approverIds = new Set(approvers.map((vote) => vote.userId));
          const hasNetOps = approvers.some((vote) => vote.team === "NETOPS");
          const hasSecOps = approvers.some((vote) => vote.team === "SECOPS");
          const needed = track === "EMERGENCY" ? 2 : Math.max(2, required);
          const expected = counting.some((vote) => vote.decision === "REJECT")
            ? "REJECTED"
            : hasNetOps && hasSecOps && approverIds.size >= needed
              ? "APPROVED"
              : "PENDING";
          const status = approvalStatus(change());
          expect(status.outcome).toBe(expected);

          if (status.outcome === "APPROVED") {
            // Both teams approved through two different people, none of them the requester, each a CAB member when voting.
            const netOps = approvers.filter((vote) => vote.team === "NETOPS").map((vote) => vote.userId);
            const secOps = approvers.filter((vote) => vote.team === "SECOPS").map((vote) => vote.userId);
            expect(netOps.some((net) => secOps.some((sec) => sec !== net))).toBe(true);
            expect(approverIds.has(requesterId)).toBe(false);
            expect(approverIds.size).toBe(approvers.length);
            expect(approvers.every((vote) => vote.rolesThen.includes("CAB_MEMBER"))).toBe(true);
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});
