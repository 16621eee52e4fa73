import { describe, expect, it } from "vitest";
import { formatRole, otherTeam, PERSON_TEAMS, TEAM_LABELS } from "./labels";

describe("labels", () => {
  it("name every team a person can be in, and the team of service accounts", () => {
    expect(PERSON_TEAMS.map((team) => TEAM_LABELS[team])).toEqual(["NetOps", "SecOps", "Leadership"]);
    expect(TEAM_LABELS.NONE).toBe("No team");
    expect(formatRole("CAB_MEMBER")).toBe("CAB member");
  });

  it("give the other team of a joint decision", () => {
    expect([otherTeam("NETOPS"), otherTeam("SECOPS")]).toEqual(["SECOPS", "NETOPS"]);
  });
});
