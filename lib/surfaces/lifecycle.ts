import type { Role, SurfaceStatus, Team } from "@/lib/db/generated/enums.ts";

/**
 * The joint lifecycle of a protect surface as plain functions: DRAFT → IN_REVIEW → AGREED, with a
 * NetOps and a SecOps sign-off from two different people, each bound to the content it approved.
 */

export type TSignTeam = "NETOPS" | "SECOPS";
export const SIGN_TEAMS: TSignTeam[] = ["NETOPS", "SECOPS"];

export type TLifecycleSurface = {
  status: SurfaceStatus;
  version: number;
  contentHash: string;
  netopsOwnerId: string | null;
  secopsOwnerId: string | null;
};

export type TLifecycleSignOff = {
  userId: string;
  team: Team;
  version: number;
  contentHash: string;
  withdrawnAt: Date | string | null;
  voidedAt: Date | string | null;
};

export type TLifecycleActor = { id: string; team: Team; roles: Role[] };
export type TLifecycleDelegate = { userId: string; team: Team };

export type TRuleResult<T = true> = { ok: true; value: T } | { ok: false; code: string; reason: string };

const refuse = (code: string, reason: string): { ok: false; code: string; reason: string } => ({ ok: false, code, reason });

export const TEAM_NAMES: Record<TSignTeam, string> = { NETOPS: "NetOps", SECOPS: "SecOps" };

/** A sign-off counts only while it is neither withdrawn nor voided and matches the current content. */
export function activeSignOffs<T extends TLifecycleSignOff>(
  surface: Pick<TLifecycleSurface, "version" | "contentHash">,
  signOffs: T[],
): T[] {
  return signOffs.filter(
    (signOff) =>
      !signOff.withdrawnAt && !signOff.voidedAt && signOff.version === surface.version && signOff.contentHash === surface.contentHash,
  );
}

/** Agreement: one NetOps and one SecOps sign-off on the current content, from two different people. */
export function isAgreed(surface: Pick<TLifecycleSurface, "version" | "contentHash">, signOffs: TLifecycleSignOff[]): boolean {
  const active = activeSignOffs(surface, signOffs);
  const netops = active.filter((signOff) => signOff.team === "NETOPS").map((signOff) => signOff.userId);
  const secops = active.filter((signOff) => signOff.team === "SECOPS").map((signOff) => signOff.userId);
  return netops.some((netopsUser) => secops.some((secopsUser) => secopsUser !== netopsUser));
}

/** The teams whose sign-off an IN_REVIEW surface still needs; nothing is waited on in other states. */
export function teamsWaitedOn(surface: TLifecycleSurface, signOffs: TLifecycleSignOff[]): TSignTeam[] {
  if (surface.status !== "IN_REVIEW") return [];
  const signed = new Set(activeSignOffs(surface, signOffs).map((signOff) => signOff.team));
  return SIGN_TEAMS.filter((team) => !signed.has(team));
}

/** Owners must belong to the team they own the surface for. */
export function checkOwnerTeams(owners: {
  netops: { id: string; team: Team } | null;
  secops: { id: string; team: Team } | null;
}): Array<{ path: "netopsOwnerId" | "secopsOwnerId"; message: string }> {
  const errors: Array<{ path: "netopsOwnerId" | "secopsOwnerId"; message: string }> = [];
  if (owners.netops && owners.netops.team !== "NETOPS") errors.push({ path: "netopsOwnerId", message: "must be a member of NetOps" });
  if (owners.secops && owners.secops.team !== "SECOPS") errors.push({ path: "secopsOwnerId", message: "must be a member of SecOps" });
  return errors;
}

/** Once submitted, a surface keeps both owners: someone must always be able to sign for each team. */
export function ownersKept(
  status: SurfaceStatus,
  owners: { netopsOwnerId: string | null; secopsOwnerId: string | null },
): Array<{ path: "netopsOwnerId" | "secopsOwnerId"; message: string }> {
  if (status === "DRAFT") return [];
  return (["netopsOwnerId", "secopsOwnerId"] as const)
    .filter((path) => !owners[path])
    .map((path) => ({ path, message: "is required once the surface is in review" }));
}

/** Submitting for review needs a DRAFT with both owners set. */
export function canSubmit(surface: TLifecycleSurface): TRuleResult {
  if (surface.status !== "DRAFT") return refuse("not_draft", "Only a draft can be submitted for review.");
  if (!surface.netopsOwnerId || !surface.secopsOwnerId) {
    return refuse("owners_missing", "Set both a NetOps owner and a SecOps owner before submitting for review.");
  }
  return { ok: true, value: true };
}

/**
 * Who may sign off, and for which team. The signer signs for their own team only, as that team's
 * owner or a CONTRIBUTOR the surface delegated to for that team; one person gives at most one
 * sign-off per version, whatever roles they hold, so agreement always takes two people.
 */
export function signOffTeamFor(
  actor: TLifecycleActor,
  surface: TLifecycleSurface,
  signOffs: TLifecycleSignOff[],
  delegates: TLifecycleDelegate[],
): TRuleResult<TSignTeam> {
  if (!actor.roles.includes("CONTRIBUTOR")) return refuse("forbidden", "Only contributors sign off protect surfaces.");
  if (surface.status !== "IN_REVIEW") {
    return refuse(
      "not_in_review",
      surface.status === "DRAFT" ? "The surface must be submitted for review before sign-off." : "This version is already agreed.",
    );
  }
  if (actor.team !== "NETOPS" && actor.team !== "SECOPS") return refuse("wrong_team", "Only NetOps and SecOps sign off protect surfaces.");
  const team: TSignTeam = actor.team;
  const active = activeSignOffs(surface, signOffs);
  if (active.some((signOff) => signOff.userId === actor.id)) {
    return refuse("already_signed", "You have already signed off this version; the other sign-off must come from someone else.");
  }
  const ownerId = team === "NETOPS" ? surface.netopsOwnerId : surface.secopsOwnerId;
  const isOwner = ownerId === actor.id;
  const isDelegate = delegates.some((delegate) => delegate.userId === actor.id && delegate.team === team);
  if (!isOwner && !isDelegate) {
    const otherOwner = (team === "NETOPS" ? surface.secopsOwnerId : surface.netopsOwnerId) === actor.id;
    return refuse(
      otherOwner ? "wrong_team" : "not_owner",
      otherOwner
        ? `You own this surface for the other team but belong to ${TEAM_NAMES[team]}; the sign-off must come from that team's member.`
        : `Only the ${TEAM_NAMES[team]} owner of this surface or someone they delegated to may sign off for ${TEAM_NAMES[team]}.`,
    );
  }
  if (active.some((signOff) => signOff.team === team))
    return refuse("team_signed", `${TEAM_NAMES[team]} has already signed off this version.`);
  return { ok: true, value: team };
}

/** Anyone may withdraw their own sign-off, but only before the version is agreed. */
export function canWithdraw(actor: Pick<TLifecycleActor, "id">, surface: TLifecycleSurface, signOffs: TLifecycleSignOff[]): TRuleResult {
  if (surface.status === "AGREED")
    return refuse("already_agreed", "An agreed version's sign-offs cannot be withdrawn; edit the surface to reopen it.");
  if (!activeSignOffs(surface, signOffs).some((signOff) => signOff.userId === actor.id)) {
    return refuse("no_signoff", "You have no sign-off on this version to withdraw.");
  }
  return { ok: true, value: true };
}

/**
 * What a content edit does to the lifecycle. No change of content changes nothing. Otherwise the
 * version bumps, every sign-off of the old content is voided, and an AGREED surface goes back
 * to IN_REVIEW as the new version.
 */
export function afterEdit(
  surface: Pick<TLifecycleSurface, "status" | "version" | "contentHash">,
  nextHash: string,
): { changed: boolean; status: SurfaceStatus; version: number; voidSignOffs: boolean } {
  if (nextHash === surface.contentHash) return { changed: false, status: surface.status, version: surface.version, voidSignOffs: false };
  return {
    changed: true,
    status: surface.status === "AGREED" ? "IN_REVIEW" : surface.status,
    version: surface.version + 1,
    voidSignOffs: true,
  };
}

/** A delegate is a CONTRIBUTOR of the team, granted by that team's owner. */
export function canDelegate(
  granter: Pick<TLifecycleActor, "id">,
  surface: Pick<TLifecycleSurface, "netopsOwnerId" | "secopsOwnerId">,
  delegate: { id: string; team: Team; roles: Role[] },
): TRuleResult<TSignTeam> {
  if (delegate.team !== "NETOPS" && delegate.team !== "SECOPS") return refuse("wrong_team", "Delegates must belong to NetOps or SecOps.");
  const team: TSignTeam = delegate.team;
  const ownerId = team === "NETOPS" ? surface.netopsOwnerId : surface.secopsOwnerId;
  if (ownerId !== granter.id)
    return refuse("not_owner", `Only the ${TEAM_NAMES[team]} owner may delegate the ${TEAM_NAMES[team]} sign-off.`);
  if (delegate.id === granter.id) return refuse("self_delegation", "You already sign off as the owner.");
  if (!delegate.roles.includes("CONTRIBUTOR")) return refuse("not_contributor", "A delegate must be a contributor.");
  return { ok: true, value: team };
}
