import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { effectiveClassification, hashSurfaceContent, type TSurfaceContent } from "./content";
import {
  activeSignOffs,
  afterEdit,
  canDelegate,
  canSubmit,
  canWithdraw,
  checkOwnerTeams,
  isAgreed,
  ownersKept,
  signOffTeamFor,
  teamsWaitedOn,
  type TLifecycleActor,
  type TLifecycleSignOff,
  type TLifecycleSurface,
} from "./lifecycle";

const NETOPS_OWNER: TLifecycleActor = { id: "n-owner", team: "NETOPS", roles: ["CONTRIBUTOR"] };
const SECOPS_OWNER: TLifecycleActor = { id: "s-owner", team: "SECOPS", roles: ["CONTRIBUTOR"] };

const surface = (overrides: Partial<TLifecycleSurface> = {}): TLifecycleSurface => ({
  status: "IN_REVIEW",
  version: 3,
  contentHash: "hash-3",
  netopsOwnerId: NETOPS_OWNER.id,
  secopsOwnerId: SECOPS_OWNER.id,
  ...overrides,
});

const signOff = (userId: string, team: "NETOPS" | "SECOPS", overrides: Partial<TLifecycleSignOff> = {}): TLifecycleSignOff => ({
  userId,
  team,
  version: 3,
  contentHash: "hash-3",
  withdrawnAt: null,
  voidedAt: null,
  ...overrides,
});

describe("agreement", () => {
  it("needs a NetOps and a SecOps sign-off on the current content", () => {
    expect(isAgreed(surface(), [signOff("n-owner", "NETOPS")])).toBe(false);
    expect(isAgreed(surface(), [signOff("n-owner", "NETOPS"), signOff("s-owner", "SECOPS")])).toBe(true);
  });

  it("never counts one person twice, even with a sign-off recorded for each team", () => {
    expect(isAgreed(surface(), [signOff("both", "NETOPS"), signOff("both", "SECOPS")])).toBe(false);
  });

  it("ignores withdrawn, voided and stale sign-offs", () => {
    const base = [signOff("n-owner", "NETOPS")];
    expect(isAgreed(surface(), [...base, signOff("s-owner", "SECOPS", { withdrawnAt: new Date() })])).toBe(false);
    expect(isAgreed(surface(), [...base, signOff("s-owner", "SECOPS", { voidedAt: new Date() })])).toBe(false);
    expect(isAgreed(surface(), [...base, signOff("s-owner", "SECOPS", { version: 2 })])).toBe(false);
    expect(isAgreed(surface(), [...base, signOff("s-owner", "SECOPS", { contentHash: "hash-old" })])).toBe(false);
  });

  it("two sign-offs of the same team do not agree", () => {
    expect(isAgreed(surface(), [signOff("n-owner", "NETOPS"), signOff("n-delegate", "NETOPS")])).toBe(false);
  });
});

describe("what each team is waiting on", () => {
  it("lists the teams missing in review, nothing otherwise", () => {
    expect(teamsWaitedOn(surface(), [])).toEqual(["NETOPS", "SECOPS"]);
    expect(teamsWaitedOn(surface(), [signOff("s-owner", "SECOPS")])).toEqual(["NETOPS"]);
    expect(teamsWaitedOn(surface({ status: "DRAFT" }), [])).toEqual([]);
    expect(teamsWaitedOn(surface({ status: "AGREED" }), [])).toEqual([]);
  });

  it("a voided sign-off is waited on again", () => {
    expect(teamsWaitedOn(surface(), [signOff("s-owner", "SECOPS", { voidedAt: new Date() })])).toEqual(["NETOPS", "SECOPS"]);
  });
});

describe("owners", () => {
  it("must belong to their team", () => {
    expect(checkOwnerTeams({ netops: { id: "a", team: "NETOPS" }, secops: { id: "b", team: "SECOPS" } })).toEqual([]);
    expect(checkOwnerTeams({ netops: { id: "a", team: "SECOPS" }, secops: { id: "b", team: "LEADERSHIP" } })).toEqual([
      { path: "netopsOwnerId", message: "must be a member of NetOps" },
      { path: "secopsOwnerId", message: "must be a member of SecOps" },
    ]);
    expect(checkOwnerTeams({ netops: null, secops: null })).toEqual([]);
  });

  it("stay set once the surface left draft", () => {
    expect(ownersKept("DRAFT", { netopsOwnerId: null, secopsOwnerId: null })).toEqual([]);
    expect(ownersKept("IN_REVIEW", { netopsOwnerId: "a", secopsOwnerId: "b" })).toEqual([]);
    expect(ownersKept("AGREED", { netopsOwnerId: null, secopsOwnerId: "b" })).toEqual([
      { path: "netopsOwnerId", message: "is required once the surface is in review" },
    ]);
    expect(ownersKept("IN_REVIEW", { netopsOwnerId: "a", secopsOwnerId: null })).toEqual([
      { path: "secopsOwnerId", message: "is required once the surface is in review" },
    ]);
  });

  it("submitting needs a draft with both owners", () => {
    expect(canSubmit(surface({ status: "DRAFT" }))).toEqual({ ok: true, value: true });
    expect(canSubmit(surface({ status: "DRAFT", secopsOwnerId: null }))).toMatchObject({ ok: false, code: "owners_missing" });
    expect(canSubmit(surface({ status: "DRAFT", netopsOwnerId: null }))).toMatchObject({ ok: false, code: "owners_missing" });
    expect(canSubmit(surface({ status: "IN_REVIEW" }))).toMatchObject({ ok: false, code: "not_draft" });
    expect(canSubmit(surface({ status: "AGREED" }))).toMatchObject({ ok: false, code: "not_draft" });
  });
});

describe("who may sign off", () => {
  it("each owner signs for their own team", () => {
    expect(signOffTeamFor(NETOPS_OWNER, surface(), [], [])).toEqual({ ok: true, value: "NETOPS" });
    expect(signOffTeamFor(SECOPS_OWNER, surface(), [], [])).toEqual({ ok: true, value: "SECOPS" });
  });

  it("a delegate of the team signs in the owner's place", () => {
    const delegate: TLifecycleActor = { id: "d", team: "SECOPS", roles: ["CONTRIBUTOR"] };
    expect(signOffTeamFor(delegate, surface(), [], [{ userId: "d", team: "SECOPS" }])).toEqual({ ok: true, value: "SECOPS" });
    expect(signOffTeamFor(delegate, surface(), [], [])).toMatchObject({ ok: false, code: "not_owner" });
  });

  it("refuses the wrong team: a SecOps member named as NetOps owner or NetOps delegate cannot sign for NetOps", () => {
    const secopsAsNetopsOwner: TLifecycleActor = { id: "x", team: "SECOPS", roles: ["CONTRIBUTOR"] };
    expect(signOffTeamFor(secopsAsNetopsOwner, surface({ netopsOwnerId: "x" }), [], [])).toMatchObject({ ok: false, code: "wrong_team" });
    expect(signOffTeamFor(secopsAsNetopsOwner, surface(), [], [{ userId: "x", team: "NETOPS" }])).toMatchObject({
      ok: false,
      code: "not_owner",
    });
    const leader: TLifecycleActor = { id: "l", team: "LEADERSHIP", roles: ["CONTRIBUTOR"] };
    expect(signOffTeamFor(leader, surface({ netopsOwnerId: "l" }), [], [])).toMatchObject({ ok: false, code: "wrong_team" });
  });

  it("one person never gives both sign-offs, even when named owner of both teams and a delegate of each", () => {
    const both: TLifecycleActor = { id: "both", team: "NETOPS", roles: ["CONTRIBUTOR", "CAB_MEMBER", "ADMIN"] };
    const s = surface({ netopsOwnerId: "both", secopsOwnerId: "both" });
    const delegates = [
      { userId: "both", team: "NETOPS" as const },
      { userId: "both", team: "SECOPS" as const },
    ];
    expect(signOffTeamFor(both, s, [], delegates)).toEqual({ ok: true, value: "NETOPS" });
    expect(signOffTeamFor(both, s, [signOff("both", "NETOPS")], delegates)).toMatchObject({ ok: false, code: "already_signed" });
    // Even after a change of team, the person already counted cannot sign again.
    expect(signOffTeamFor({ ...both, team: "SECOPS" }, s, [signOff("both", "NETOPS")], delegates)).toMatchObject({
      ok: false,
      code: "already_signed",
    });
  });

  it("a team signs once per version", () => {
    const delegate: TLifecycleActor = { id: "d", team: "NETOPS", roles: ["CONTRIBUTOR"] };
    expect(signOffTeamFor(delegate, surface(), [signOff("n-owner", "NETOPS")], [{ userId: "d", team: "NETOPS" }])).toMatchObject({
      ok: false,
      code: "team_signed",
    });
  });

  it("only in review, and only contributors", () => {
    expect(signOffTeamFor(NETOPS_OWNER, surface({ status: "DRAFT" }), [], [])).toMatchObject({ ok: false, code: "not_in_review" });
    expect(signOffTeamFor(NETOPS_OWNER, surface({ status: "AGREED" }), [], [])).toMatchObject({ ok: false, code: "not_in_review" });
    expect(signOffTeamFor({ ...NETOPS_OWNER, roles: ["VIEWER"] }, surface(), [], [])).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("a sign-off voided by an edit lets the same person sign the new content", () => {
    expect(signOffTeamFor(NETOPS_OWNER, surface(), [signOff("n-owner", "NETOPS", { voidedAt: new Date(), version: 2 })], [])).toEqual({
      ok: true,
      value: "NETOPS",
    });
  });
});

describe("withdrawing", () => {
  it("only one's own active sign-off, and only before agreement", () => {
    const signOffs = [signOff("n-owner", "NETOPS")];
    expect(canWithdraw(NETOPS_OWNER, surface(), signOffs)).toEqual({ ok: true, value: true });
    expect(canWithdraw(SECOPS_OWNER, surface(), signOffs)).toMatchObject({ ok: false, code: "no_signoff" });
    expect(canWithdraw(NETOPS_OWNER, surface({ status: "AGREED" }), signOffs)).toMatchObject({ ok: false, code: "already_agreed" });
    expect(canWithdraw(NETOPS_OWNER, surface(), [signOff("n-owner", "NETOPS", { withdrawnAt: new Date() })])).toMatchObject({
      ok: false,
      code: "no_signoff",
    });
  });
});

describe("editing", () => {
  it("the same content changes nothing", () => {
    expect(afterEdit(surface({ status: "AGREED" }), "hash-3")).toEqual({
      changed: false,
      status: "AGREED",
      version: 3,
      voidSignOffs: false,
    });
  });

  it("an edit after a sign-off voids it and bumps the version", () => {
    expect(afterEdit(surface(), "hash-4")).toEqual({ changed: true, status: "IN_REVIEW", version: 4, voidSignOffs: true });
    // and the old sign-off no longer counts against the new content
    expect(activeSignOffs({ version: 4, contentHash: "hash-4" }, [signOff("n-owner", "NETOPS")])).toEqual([]);
  });

  it("editing an AGREED surface opens version n+1 in review", () => {
    expect(afterEdit(surface({ status: "AGREED", version: 1 }), "new")).toEqual({
      changed: true,
      status: "IN_REVIEW",
      version: 2,
      voidSignOffs: true,
    });
  });

  it("a draft stays a draft", () => {
    expect(afterEdit(surface({ status: "DRAFT" }), "new")).toMatchObject({ status: "DRAFT", version: 4 });
  });
});

describe("delegation", () => {
  it("an owner delegates to a contributor of their own team", () => {
    expect(canDelegate(NETOPS_OWNER, surface(), { id: "d", team: "NETOPS", roles: ["CONTRIBUTOR"] })).toEqual({
      ok: true,
      value: "NETOPS",
    });
    expect(canDelegate(NETOPS_OWNER, surface(), { id: "d", team: "SECOPS", roles: ["CONTRIBUTOR"] })).toMatchObject({
      ok: false,
      code: "not_owner",
    });
    expect(canDelegate(NETOPS_OWNER, surface(), { id: "d", team: "NETOPS", roles: ["VIEWER"] })).toMatchObject({
      ok: false,
      code: "not_contributor",
    });
    expect(canDelegate(NETOPS_OWNER, surface(), { id: "n-owner", team: "NETOPS", roles: ["CONTRIBUTOR"] })).toMatchObject({
      ok: false,
      code: "self_delegation",
    });
    expect(canDelegate(NETOPS_OWNER, surface(), { id: "d", team: "LEADERSHIP", roles: ["CONTRIBUTOR"] })).toMatchObject({
      ok: false,
      code: "wrong_team",
    });
  });
});

describe("content hash", () => {
  const content: TSurfaceContent = {
    name: "Payments",
    purpose: "p",
    classification: "RESTRICTED",
    classificationOverride: null,
    criticality: "HIGH",
    environment: "production",
    businessOwner: "b",
    netopsOwnerId: "n",
    secopsOwnerId: "s",
    tags: ["a", "b"],
    notes: "",
    elements: [{ type: "DATA", name: "db", description: "", classification: "RESTRICTED" }],
  };

  it("is stable across the order of fields", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(Object.keys(content), { minLength: Object.keys(content).length }), (keys) => {
        const reordered = Object.fromEntries(keys.map((key) => [key, content[key as keyof TSurfaceContent]])) as TSurfaceContent;
        return hashSurfaceContent(reordered) === hashSurfaceContent(content);
      }),
    );
  });

  it("changes with any content edit", () => {
    // One edit of every field of the content, and of every field of an element: typed, so a new
    // content field fails to compile here until it has an edit of its own.
    const edits: { [K in keyof TSurfaceContent]: TSurfaceContent[K] } = {
      name: "Payments EU",
      purpose: "p2",
      classification: "CONFIDENTIAL",
      classificationOverride: "RESTRICTED",
      criticality: "LOW",
      environment: "staging",
      businessOwner: "c",
      netopsOwnerId: null,
      secopsOwnerId: "s2",
      tags: ["a"],
      notes: "x",
      elements: [],
    };
    const element = content.elements[0]!;
    const elementEdits: { [K in keyof typeof element]: (typeof element)[K] } = {
      type: "SERVICE",
      name: "db2",
      description: "d",
      classification: "PUBLIC",
    };
    const original = hashSurfaceContent(content);
    for (const [field, value] of Object.entries(edits)) {
      expect(hashSurfaceContent({ ...content, [field]: value }), field).not.toBe(original);
    }
    for (const [field, value] of Object.entries(elementEdits)) {
      expect(hashSurfaceContent({ ...content, elements: [{ ...element, [field]: value }] }), `element ${field}`).not.toBe(original);
    }
  });

  it("classification is the highest element's unless raised by hand", () => {
    expect(effectiveClassification([{ classification: "INTERNAL" }, { classification: "CONFIDENTIAL" }], null)).toBe("CONFIDENTIAL");
    expect(effectiveClassification([{ classification: "INTERNAL" }], "RESTRICTED")).toBe("RESTRICTED");
    expect(effectiveClassification([{ classification: "RESTRICTED" }], "INTERNAL")).toBe("RESTRICTED");
    expect(effectiveClassification([], null)).toBe("PUBLIC");
  });
});
