import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Role, Team } from "@/lib/db/generated/enums.ts";
import { ownerChangeRefusal, signOffsWithoutAuthority, standingGrants, type TGrant, type TOwners, type TPersonNow } from "./authority";
import { isPersonDeciding } from "@/lib/auth/decisions";
import { activeSignOffs, canDelegate, isAgreed, signOffTeamFor, type TLifecycleSignOff, type TSignTeam } from "./lifecycle";

/**
 * The segregation-of-duties model of a surface's agreement, driven by random sequences in which
 * people change team, role and status, owners delegate and revoke, owners are replaced (by the
 * owner, by a bystander, by an admin with or without a reason), the content is edited, and sign-offs
 * are attempted both from a signed-in session and with an API token. The
 * rules are the pure functions the services call; the properties state what must hold in words
 * of the domain, checked against the model's own record of what happened.
 */

const PEOPLE = 6;
const TEAMS: TSignTeam[] = ["NETOPS", "SECOPS"];

type TPerson = TPersonNow & { roles: Role[] };
type TSignOff = TLifecycleSignOff & { id: number; at: number; via: TVia };
type TVia = "session" | "token";
type TModel = {
  people: TPerson[];
  owners: TOwners;
  grants: Array<TGrant & { at: number }>;
  signOffs: TSignOff[];
  status: "IN_REVIEW" | "AGREED";
  version: number;
  clock: number;
  /** When each team's owner last changed, and when each grant was revoked: what the properties check against. */
  ownerChangedAt: Record<TSignTeam, number>;
  revoked: Array<{ userId: string; team: Team; at: number }>;
};

const id = (index: number) => `p${index}`;

const arbAction = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant("sign" as const),
      who: fc.nat(PEOPLE - 1),
      via: fc.constantFrom<TVia>("session", "session", "token"),
    }),
    weight: 5,
  },
  { arbitrary: fc.record({ kind: fc.constant("grant" as const), team: fc.constantFrom(...TEAMS), who: fc.nat(PEOPLE - 1) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant("revoke" as const), index: fc.nat(5) }), weight: 2 },
  {
    arbitrary: fc.record({
      kind: fc.constant("replaceOwner" as const),
      team: fc.constantFrom(...TEAMS),
      who: fc.nat(PEOPLE - 1),
      by: fc.nat(PEOPLE - 1),
      reason: fc.constantFrom("", "left the team"),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant("moveTeam" as const),
      who: fc.nat(PEOPLE - 1),
      team: fc.constantFrom<Team>("NETOPS", "SECOPS", "LEADERSHIP"),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant("setRoles" as const),
      who: fc.nat(PEOPLE - 1),
      roles: fc.constantFrom<Role[]>(["CONTRIBUTOR"], ["VIEWER"], ["CONTRIBUTOR", "ADMIN"], ["ADMIN"]),
    }),
    weight: 1,
  },
  { arbitrary: fc.record({ kind: fc.constant("disable" as const), who: fc.nat(PEOPLE - 1), active: fc.boolean() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("edit" as const) }), weight: 1 },
);
type TAction = typeof arbAction extends fc.Arbitrary<infer A> ? A : never;

function initial(): TModel {
  const people = Array.from({ length: PEOPLE }, (_, index): TPerson => ({
    id: id(index),
    team: index % 2 === 0 ? "NETOPS" : "SECOPS",
    roles: index === 5 ? ["ADMIN"] : ["CONTRIBUTOR"],
    active: true,
  }));
  return {
    people,
    owners: { netopsOwnerId: id(0), secopsOwnerId: id(1) },
    grants: [],
    signOffs: [],
    status: "IN_REVIEW",
    version: 1,
    clock: 0,
    ownerChangedAt: { NETOPS: 0, SECOPS: 0 },
    revoked: [],
  };
}

const surfaceOf = (model: TModel) => ({ status: model.status, version: model.version, contentHash: `h${model.version}`, ...model.owners });
const voidAll = (model: TModel) => model.signOffs.forEach((signOff) => (signOff.voidedAt ??= "void"));

/** One step, as the services perform it with the pure rules. Returns false when the rules refused it. */
function step(model: TModel, action: TAction): boolean {
  model.clock += 1;
  const surface = surfaceOf(model);
  const person = "who" in action ? model.people[action.who]! : undefined;
  switch (action.kind) {
    case "sign": {
      if (!person?.active) return false;
      const auth = action.via === "token" ? { method: "token" as const, tokenId: "t1" } : { method: "session" as const, sessionId: "s1" };
      if (!isPersonDeciding({ auth })) return false;
      const rule = signOffTeamFor(person, surface, model.signOffs, standingGrants(model.owners, model.grants));
      if (!rule.ok) return false;
      model.signOffs.push({
        id: model.signOffs.length,
        userId: person.id,
        team: rule.value,
        version: model.version,
        contentHash: surface.contentHash,
        withdrawnAt: null,
        voidedAt: null,
        at: model.clock,
        via: action.via,
      });
      const people = new Map(model.people.map((candidate) => [candidate.id, candidate]));
      for (const lapsed of signOffsWithoutAuthority(activeSignOffs(surface, model.signOffs), people, model.owners, model.grants))
        lapsed.voidedAt = "lapsed";
      if (isAgreed(surface, model.signOffs)) model.status = "AGREED";
      return true;
    }
    case "grant": {
      const ownerId = action.team === "NETOPS" ? model.owners.netopsOwnerId : model.owners.secopsOwnerId;
      const owner = model.people.find((candidate) => candidate.id === ownerId);
      if (!owner?.active || !person || !canDelegate(owner, model.owners, person).ok) return false;
      if (!model.grants.some((grant) => grant.userId === person.id))
        model.grants.push({ userId: person.id, team: person.team, grantedById: owner.id, at: model.clock });
      return true;
    }
    case "revoke": {
      const grant = model.grants[action.index];
      if (!grant) return false;
      model.grants.splice(action.index, 1);
      model.revoked.push({ userId: grant.userId, team: grant.team, at: model.clock });
      if (model.status !== "AGREED")
        model.signOffs
          .filter((signOff) => signOff.userId === grant.userId && signOff.team === grant.team && !signOff.voidedAt && !signOff.withdrawnAt)
          .forEach((signOff) => (signOff.voidedAt = "revoked"));
      return true;
    }
    case "replaceOwner": {
      const actor = model.people[action.by]!;
      const field = action.team === "NETOPS" ? "netopsOwnerId" : "secopsOwnerId";
      const next = { ...model.owners, [field]: person!.id };
      if (!actor.active || !person!.active || person!.team !== action.team || next[field] === model.owners[field]) return false;
      if (ownerChangeRefusal(actor, model.owners, next, action.reason)) return false;
      expect(
        actor.id === model.owners[field] || (actor.roles.includes("ADMIN") && action.reason !== ""),
        "an owner is replaced only by that owner or by an admin who gives a reason",
      ).toBe(true);
      model.owners = next;
      model.ownerChangedAt[action.team] = model.clock;
      model.grants = model.grants.filter((grant) => grant.team !== action.team);
      voidAll(model);
      model.version += 1;
      model.status = "IN_REVIEW";
      return true;
    }
    case "moveTeam":
      person!.team = action.team;
      return true;
    case "setRoles":
      person!.roles = action.roles;
      return true;
    case "disable":
      person!.active = action.active;
      return true;
    case "edit":
      voidAll(model);
      model.version += 1;
      model.status = "IN_REVIEW";
      return true;
  }
}

/**
 * The rule, stated on its own: the surface is agreed only when, at that moment, one NetOps and one
 * SecOps sign-off on the current content come from two different people, each an active
 * contributor of the team they signed for who is that team's current owner or was delegated by
 * that owner, signing in person (never through an API token) — and neither was given before the team's owner last changed, nor by someone whose
 * delegation was revoked since they signed.
 */
function agreementIsJoint(model: TModel): boolean {
  const contentHash = `h${model.version}`;
  const standing = (team: TSignTeam) =>
    model.signOffs.filter((signOff) => {
      if (
        signOff.via !== "session" ||
        signOff.team !== team ||
        signOff.voidedAt ||
        signOff.version !== model.version ||
        signOff.contentHash !== contentHash
      )
        return false;
      const signer = model.people.find((candidate) => candidate.id === signOff.userId);
      if (!signer?.active || signer.team !== team || !signer.roles.includes("CONTRIBUTOR")) return false;
      const owner = team === "NETOPS" ? model.owners.netopsOwnerId : model.owners.secopsOwnerId;
      const delegated = model.grants.some((grant) => grant.userId === signer.id && grant.team === team && grant.grantedById === owner);
      if (signer.id !== owner && !delegated) return false;
      if (signOff.at < model.ownerChangedAt[team]) return false;
      return !model.revoked.some((revocation) => revocation.userId === signer.id && revocation.team === team && revocation.at > signOff.at);
    });
  return standing("NETOPS").some((net) => standing("SECOPS").some((sec) => sec.userId !== net.userId));
}

describe("surface agreement under delegation, revocation, owner changes, tokens and people changing", () => {
  it("is reached only by two people who hold each team's authority at that moment", () => {
    fc.assert(
      fc.property(fc.array(arbAction, { maxLength: 40 }), (actions) => {
        const model = initial();
        for (const action of actions) {
          const wasAgreed = model.status === "AGREED";
          step(model, action);
          if (!wasAgreed && model.status === "AGREED") expect(agreementIsJoint(model)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("finds the agreement when it is there: an owner's and a standing delegate's sign-offs agree it", () => {
    const model = initial();
    expect(step(model, { kind: "grant", team: "NETOPS", who: 2 })).toBe(true);
    expect(step(model, { kind: "sign", who: 2, via: "session" })).toBe(true);
    expect(step(model, { kind: "sign", who: 1, via: "session" })).toBe(true);
    expect(model.status).toBe("AGREED");
    expect(agreementIsJoint(model)).toBe(true);
  });

  it("an owner's sign-off through an API token is refused and never counts", () => {
    const model = initial();
    expect(step(model, { kind: "sign", who: 0, via: "token" })).toBe(false);
    expect(step(model, { kind: "sign", who: 1, via: "session" })).toBe(true);
    expect(model.status).toBe("IN_REVIEW");
    expect(model.signOffs.map((signOff) => signOff.via)).toEqual(["session"]);
  });

  it("a revoked delegate, a replaced owner's delegate or a signer who moved team never completes it", () => {
    const revoked = initial();
    step(revoked, { kind: "grant", team: "NETOPS", who: 2 });
    step(revoked, { kind: "sign", who: 2, via: "session" });
    step(revoked, { kind: "revoke", index: 0 });
    step(revoked, { kind: "sign", who: 1, via: "session" });
    expect(revoked.status).toBe("IN_REVIEW");

    const replaced = initial();
    step(replaced, { kind: "grant", team: "NETOPS", who: 2 });
    expect(step(replaced, { kind: "replaceOwner", team: "NETOPS", who: 4, by: 3, reason: "" })).toBe(false);
    expect(step(replaced, { kind: "replaceOwner", team: "NETOPS", who: 4, by: 5, reason: "" })).toBe(false);
    expect(step(replaced, { kind: "replaceOwner", team: "NETOPS", who: 4, by: 5, reason: "left the team" })).toBe(true);
    expect(step(replaced, { kind: "sign", who: 2, via: "session" })).toBe(false);

    const moved = initial();
    step(moved, { kind: "sign", who: 1, via: "session" });
    step(moved, { kind: "moveTeam", who: 1, team: "NETOPS" });
    step(moved, { kind: "sign", who: 0, via: "session" });
    expect(moved.status).toBe("IN_REVIEW");
  });
});
