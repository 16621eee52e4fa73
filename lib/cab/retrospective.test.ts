import { describe, expect, it } from "vitest";
import { REVIEW_TEAMS, countedReviews, retrospectiveOutcome, type TReviewVote } from "./retrospective";

const member = (team: TReviewVote["voter"]["team"], over: Partial<TReviewVote["voter"]> = {}) => ({
  team,
  roles: ["CAB_MEMBER" as const],
  active: true,
  ...over,
});
const review = (userId: string, voter: TReviewVote["voter"], decision: TReviewVote["decision"] = "APPROVE"): TReviewVote => ({
  userId,
  decision,
  voter,
});

describe("a retrospective review is a joint CAB decision", () => {
  it("needs an approving CAB member of each team", () => {
    expect(retrospectiveOutcome([], "req")).toBeNull();
    expect(retrospectiveOutcome([review("n1", member("NETOPS"))], "req")).toBeNull();
    expect(retrospectiveOutcome([review("n1", member("NETOPS")), review("n2", member("NETOPS"))], "req")).toBeNull();
    expect(retrospectiveOutcome([review("n1", member("NETOPS")), review("l1", member("LEADERSHIP"))], "req")).toBeNull();
    expect(retrospectiveOutcome([review("n1", member("NETOPS")), review("s1", member("SECOPS"))], "req")).toBe("REVIEWED");
  });

  it("never counts the requester, nor anyone no longer an active CAB member", () => {
    expect(retrospectiveOutcome([review("req", member("NETOPS")), review("s1", member("SECOPS"))], "req")).toBeNull();
    expect(retrospectiveOutcome([review("n1", member("NETOPS", { active: false })), review("s1", member("SECOPS"))], "req")).toBeNull();
    expect(
      retrospectiveOutcome([review("n1", member("NETOPS", { roles: ["CONTRIBUTOR"] })), review("s1", member("SECOPS"))], "req"),
    ).toBeNull();
    expect(
      retrospectiveOutcome(
        [review("req", member("NETOPS"), "REJECT"), review("n1", member("NETOPS")), review("s1", member("SECOPS"))],
        "req",
      ),
    ).toBe("REVIEWED");
  });

  it("a counted rejection rejects", () => {
    expect(
      retrospectiveOutcome(
        [review("n1", member("NETOPS")), review("s1", member("SECOPS")), review("s2", member("SECOPS"), "REJECT")],
        "req",
      ),
    ).toBe("REJECTED");
  });
});

describe("which reviews count", () => {
  it("counts the active CAB members other than the requester, whatever they decided, and reviews need NetOps and SecOps", () => {
    const votes = [
      review("req", member("NETOPS")),
      review("n1", member("NETOPS"), "REJECT"),
      review("n2", member("NETOPS", { active: false })),
      review("s1", member("SECOPS", { roles: ["CONTRIBUTOR", "CAB_MEMBER"] })),
      review("s2", member("SECOPS", { roles: ["VIEWER"] })),
    ];
    expect(countedReviews(votes, "req").map((vote) => vote.userId)).toEqual(["n1", "s1"]);
    expect(REVIEW_TEAMS).toEqual(["NETOPS", "SECOPS"]);
  });
});
