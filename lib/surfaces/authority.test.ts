import { describe, expect, it } from "vitest";
import {
  changedOwnerTeams,
  holdsSignAuthority,
  ownerChangeRefusal,
  ownerOf,
  signOffsWithoutAuthority,
  standingGrants,
  type TGrant,
  type TOwners,
  type TPersonNow,
} from "./authority";

const owners: TOwners = { netopsOwnerId: "nora", secopsOwnerId: "sam" };
const person = (id: string, over: Partial<TPersonNow> = {}): TPersonNow => ({
  id,
  team: "NETOPS",
  roles: ["CONTRIBUTOR"],
  active: true,
  ...over,
});
const nora = person("nora");
const sam = person("sam", { team: "SECOPS" });
const dana = person("dana");
const grant = (userId: string, team: TGrant["team"], grantedById: string): TGrant => ({ userId, team, grantedById });

describe("who holds a team's sign-off authority", () => {
  it("each team's owner is read from that team's field", () => {
    expect(ownerOf(owners, "NETOPS")).toBe("nora");
    expect(ownerOf(owners, "SECOPS")).toBe("sam");
  });

  it("the current owner, for their own team only", () => {
    expect(holdsSignAuthority(nora, "NETOPS", owners, [])).toBe(true);
    expect(holdsSignAuthority(sam, "SECOPS", owners, [])).toBe(true);
    expect(holdsSignAuthority(nora, "SECOPS", { netopsOwnerId: "x", secopsOwnerId: "nora" }, [])).toBe(false);
  });

  it("nobody who is missing, inactive, without the contributor role, or on a team that does not sign", () => {
    expect(holdsSignAuthority(undefined, "NETOPS", owners, [])).toBe(false);
    expect(holdsSignAuthority({ ...nora, active: false }, "NETOPS", owners, [])).toBe(false);
    expect(holdsSignAuthority({ ...nora, roles: ["VIEWER", "CAB_MEMBER"] }, "NETOPS", owners, [])).toBe(false);
    const lead = person("lee", { team: "LEADERSHIP" });
    expect(holdsSignAuthority(lead, "LEADERSHIP", owners, [grant("lee", "LEADERSHIP", "nora")])).toBe(false);
  });

  it("a delegate of the team's current owner, while on that team", () => {
    expect(holdsSignAuthority(dana, "NETOPS", owners, [grant("dana", "NETOPS", "nora")])).toBe(true);
    expect(holdsSignAuthority(dana, "NETOPS", owners, [])).toBe(false);
    expect(holdsSignAuthority(dana, "NETOPS", owners, [grant("dana", "NETOPS", "former-owner")])).toBe(false);
    expect(holdsSignAuthority(dana, "NETOPS", owners, [grant("someone-else", "NETOPS", "nora")])).toBe(false);
    expect(holdsSignAuthority({ ...dana, team: "SECOPS" }, "NETOPS", owners, [grant("dana", "NETOPS", "nora")])).toBe(false);
  });

  it("a delegation stands only for the team it was granted for, by that team's owner", () => {
    const grants = [
      grant("dana", "NETOPS", "nora"),
      grant("erin", "SECOPS", "nora"),
      grant("fay", "SECOPS", "sam"),
      grant("gus", "LEADERSHIP", "sam"),
    ];
    expect(standingGrants(owners, grants).map((standing) => standing.userId)).toEqual(["dana", "fay"]);
    const secopsDana = person("dana", { team: "SECOPS" });
    expect(holdsSignAuthority(secopsDana, "SECOPS", owners, [grant("dana", "NETOPS", "nora"), grant("dana", "SECOPS", "nora")])).toBe(
      false,
    );
    expect(
      holdsSignAuthority(secopsDana, "SECOPS", { netopsOwnerId: "nora", secopsOwnerId: "nora" }, [grant("dana", "NETOPS", "nora")]),
    ).toBe(false);
  });

  it("finds the sign-offs whose signer lost the authority they signed with", () => {
    const people = new Map([nora, sam, dana].map((someone) => [someone.id, someone]));
    const counted = [
      { userId: "nora", team: "NETOPS" as const },
      { userId: "dana", team: "NETOPS" as const },
      { userId: "sam", team: "SECOPS" as const },
      { userId: "ghost", team: "SECOPS" as const },
    ];
    expect(signOffsWithoutAuthority(counted, people, owners, [])).toEqual([counted[1], counted[3]]);
  });
});

describe("replacing an owner", () => {
  const next = (over: Partial<TOwners>): TOwners => ({ ...owners, ...over });

  it("names the teams whose owner changes", () => {
    expect(changedOwnerTeams(owners, owners)).toEqual([]);
    expect(changedOwnerTeams(owners, next({ secopsOwnerId: "sue" }))).toEqual(["SECOPS"]);
    expect(changedOwnerTeams(owners, { netopsOwnerId: "nick", secopsOwnerId: null })).toEqual(["NETOPS", "SECOPS"]);
  });

  it("is for the owner being replaced, or anyone when the slot is empty", () => {
    expect(ownerChangeRefusal({ id: "nora", roles: ["CONTRIBUTOR"] }, owners, next({ netopsOwnerId: "nick" }), "")).toBeNull();
    expect(ownerChangeRefusal({ id: "dana", roles: ["CONTRIBUTOR"] }, next({ secopsOwnerId: null }), owners, "")).toBeNull();
    expect(ownerChangeRefusal({ id: "dana", roles: ["CONTRIBUTOR"] }, owners, owners, "")).toBeNull();
  });

  it("refuses anyone else, naming the team's owner field", () => {
    expect(ownerChangeRefusal({ id: "dana", roles: ["CONTRIBUTOR"] }, owners, next({ secopsOwnerId: "dana" }), "because")).toEqual({
      status: 403,
      path: "secopsOwnerId",
      message: "Only the current SecOps owner of this surface (or an admin, with a stated reason) may replace them.",
    });
    expect(ownerChangeRefusal({ id: "sam", roles: ["CONTRIBUTOR"] }, owners, { netopsOwnerId: "sam", secopsOwnerId: "sam" }, "")).toEqual({
      status: 403,
      path: "netopsOwnerId",
      message: "Only the current NetOps owner of this surface (or an admin, with a stated reason) may replace them.",
    });
  });

  it("lets an admin replace any owner with a stated reason, never without one", () => {
    const admin = { id: "ada", roles: ["ADMIN" as const] };
    expect(ownerChangeRefusal(admin, owners, next({ netopsOwnerId: "nick" }), "Nora left the company")).toBeNull();
    expect(ownerChangeRefusal(admin, owners, next({ netopsOwnerId: "nick" }), "   ")).toEqual({
      status: 400,
      path: "reason",
      message: "an admin replacing the NetOps owner states why",
    });
    expect(ownerChangeRefusal(admin, owners, { netopsOwnerId: "nick", secopsOwnerId: "sue" }, "reorganisation")).toBeNull();
  });
});
