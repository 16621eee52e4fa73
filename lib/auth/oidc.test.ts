import { describe, expect, it } from "vitest";
import { mapOidcClaims } from "./oidc";

const claims = { team: "concord_team", roles: "concord_roles" };

describe("OIDC claim mapping", () => {
  it("reads team and roles, case-insensitively, ignoring unknown roles", () => {
    const identity = mapOidcClaims(
      { sub: "abc", email: "Ada@Example.com", name: "Ada", concord_team: "secops", concord_roles: ["contributor", "cab_member", "wizard"] },
      claims,
    );
    expect(identity).toEqual({
      subject: "abc",
      email: "ada@example.com",
      name: "Ada",
      team: "SECOPS",
      roles: ["CONTRIBUTOR", "CAB_MEMBER"],
    });
  });

  it("accepts roles as a space or comma separated string", () => {
    expect(mapOidcClaims({ sub: "a", email: "a@x.io", concord_roles: "viewer, executive" }, claims)?.roles).toEqual([
      "VIEWER",
      "EXECUTIVE",
    ]);
  });

  it("leaves the team empty when the claim is missing or unknown", () => {
    expect(mapOidcClaims({ sub: "a", email: "a@x.io", concord_team: "marketing" }, claims)?.team).toBeNull();
  });

  it("refuses a profile without subject or email", () => {
    expect(mapOidcClaims({ email: "a@x.io" }, claims)).toBeNull();
    expect(mapOidcClaims({ sub: "a" }, claims)).toBeNull();
  });
});
