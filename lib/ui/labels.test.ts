import { describe, expect, it } from "vitest";
import * as enums from "@/lib/db/generated/enums.ts";
import { formatRole, ENUM_LABELS, labelCodesIn, labelOf, otherTeam, PERSON_TEAMS, RAW_ENUM_CODES, TEAM_LABELS } from "./labels";

describe("labels", () => {
  it("name every team a person can be in, and the team of service accounts", () => {
    expect(PERSON_TEAMS.map((team) => TEAM_LABELS[team])).toEqual(["NetOps", "SecOps", "Leadership"]);
    expect(TEAM_LABELS.NONE).toBe("No team");
    expect(formatRole("CAB_MEMBER")).toBe("CAB member");
  });

  it("put codes inside stored sentences into words, and leave acronyms and other capitals alone", () => {
    expect(labelCodesIn("classification RESTRICTED")).toBe("classification Restricted");
    expect(labelCodesIn("criticality CRITICAL, over TCP")).toBe("criticality Critical, over TCP");
    expect(labelCodesIn("the API gateway")).toBe("the API gateway");
  });

  it("give the other team of a joint decision", () => {
    expect([otherTeam("NETOPS"), otherTeam("SECOPS")]).toEqual(["SECOPS", "NETOPS"]);
  });

  it("put every value of every enum of the schema into words", () => {
    const values = Object.values(enums).flatMap((values) => Object.values(values as Record<string, string>));
    for (const value of values) {
      expect(ENUM_LABELS[value], value).toBeDefined();
      if (!["TCP", "UDP", "ICMP", "TLS", "MFA", "CAB"].includes(value)) expect(RAW_ENUM_CODES).toContain(value);
    }
    expect(labelOf("CAB_REVIEW")).toBe("CAB review");
    expect(labelOf("MTLS")).toBe("mTLS");
    expect(labelOf("SOMETHING_NEW")).toBe("Something new");
  });
});
