import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { approvalStatus, liveVotes, voteRefusal, type TChangeForVote, type TVoter } from "./approvals";

const people: [TVoter, TVoter, TVoter, TVoter, TVoter, TVoter] = [
  { id: "requester", team: "NETOPS", roles: ["CONTRIBUTOR", "CAB_MEMBER"] },
  { id: "net-cab", team: "NETOPS", roles: ["CAB_MEMBER"] },
  { id: "net-cab-2", team: "NETOPS", roles: ["CAB_MEMBER"] },
  { id: "sec-cab", team: "SECOPS", roles: ["CAB_MEMBER"] },
  { id: "sec-contributor", team: "SECOPS", roles: ["CONTRIBUTOR"] },
  { id: "leader", team: "LEADERSHIP", roles: ["CAB_MEMBER"] },
];

const fresh = (over: Partial<TChangeForVote> = {}): TChangeForVote => ({
  requesterId: "requester",
  state: "CAB_REVIEW",
  track: "CAB",
  contentHash: "h1",
  requiredApprovals: 2,
  votes: [],
  ...over,
});

function vote(change: TChangeForVote, voter: TVoter, decision: "APPROVE" | "REJECT" = "APPROVE"): TChangeForVote {
  if (voteRefusal(change, voter)) return change;
  return {
    ...change,
    votes: [...change.votes, { userId: voter.id, team: voter.team, decision, contentHash: change.contentHash, voided: false }],
  };
}

describe("segregation of duties", () => {
  it("refuses the requester, non-members, double votes and votes outside review", () => {
    const change = fresh();
    expect(voteRefusal(change, people[0])).toMatch(/own change/);
    expect(voteRefusal(change, people[4])).toMatch(/CAB members/);
    expect(voteRefusal(vote(change, people[1]), people[1])).toMatch(/already voted/);
    expect(voteRefusal(fresh({ state: "SCHEDULED" }), people[1])).toMatch(/only while/);
  });

  it("needs one approver from each team; two NetOps people are not enough", () => {
    const twoNet = vote(vote(fresh(), people[1]), people[2]);
    expect(approvalStatus(twoNet)).toMatchObject({ outcome: "PENDING", teamsMissing: ["SECOPS"] });
    expect(approvalStatus(vote(twoNet, people[3])).outcome).toBe("APPROVED");
  });

  it("needs more approvers when a rule asks, and one rejection rejects", () => {
    const three = fresh({ requiredApprovals: 3 });
    const both = vote(vote(three, people[1]), people[3]);
    expect(approvalStatus(both)).toMatchObject({ outcome: "PENDING", approvers: 2, required: 3 });
    expect(approvalStatus(vote(both, people[5])).outcome).toBe("APPROVED");
    expect(approvalStatus(vote(both, people[2], "REJECT")).outcome).toBe("REJECTED");
  });

  it("an edit voids every earlier vote", () => {
    const approved = vote(vote(fresh(), people[1]), people[3]);
    const edited = { ...approved, contentHash: "h2" };
    expect(liveVotes(edited)).toEqual([]);
    expect(approvalStatus(edited).outcome).toBe("PENDING");
    expect(voteRefusal(edited, people[1])).toBeNull();
  });

  it("no sequence of votes and edits lets a requester approve their own change or one person stand for both teams", () => {
    const step = fc.oneof(
      fc.record({
        kind: fc.constant("vote" as const),
        voter: fc.integer({ min: 0, max: people.length - 1 }),
        decision: fc.constantFrom("APPROVE", "APPROVE", "REJECT" as const),
      }),
      fc.record({ kind: fc.constant("edit" as const) }),
    );
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 25 }),
        fc.integer({ min: 2, max: 4 }),
        fc.constantFrom("CAB", "EMERGENCY" as const),
        (steps, required, track) => {
          let change = fresh({ requiredApprovals: required, track, state: track === "CAB" ? "CAB_REVIEW" : "EMERGENCY" });
          let edits = 0;
          for (const action of steps) {
            if (action.kind === "edit") change = { ...change, contentHash: `h${(edits += 1) + 1}` };
            else change = vote(change, people[action.voter] ?? people[0], action.decision);
            const live = liveVotes(change);
            expect(live.some((candidate) => candidate.userId === "requester")).toBe(false);
            expect(new Set(live.map((candidate) => candidate.userId)).size).toBe(live.length);
            const status = approvalStatus(change);
            if (status.outcome === "APPROVED") {
              const approvers = live.filter((candidate) => candidate.decision === "APPROVE");
              expect([...new Set(approvers.map((candidate) => candidate.team))]).toEqual(expect.arrayContaining(["NETOPS", "SECOPS"]));
              expect(
                approvers
                  .filter((candidate) => candidate.team === "NETOPS")
                  .some((a) => approvers.some((b) => b.team === "SECOPS" && b.userId === a.userId)),
              ).toBe(false);
              expect(approvers.length).toBeGreaterThanOrEqual(track === "EMERGENCY" ? 2 : required);
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
