import type { Role, Team } from "@/lib/db/generated/enums.ts";
import { TEAM_NAMES, type TSignTeam } from "./lifecycle";

/**
 * Who holds a team's sign-off authority on a surface, as plain rules: the team's current owner, or
 * a contributor the current owner delegated to — an active member of that team, now. Agreement
 * re-checks this at the moment it is reached; changing an owner needs the owner being replaced.
 */
export type TOwners = { netopsOwnerId: string | null; secopsOwnerId: string | null };
export type TPersonNow = { id: string; team: Team; roles: readonly Role[]; active: boolean };
export type TGrant = { userId: string; team: Team; grantedById: string };

export const OWNER_FIELD: Record<TSignTeam, keyof TOwners> = { NETOPS: "netopsOwnerId", SECOPS: "secopsOwnerId" };

export function ownerOf(owners: TOwners, team: TSignTeam): string | null {
  return owners[OWNER_FIELD[team]];
}

/** The delegations that still stand: those granted by the team's current owner. */
export function standingGrants<T extends TGrant>(owners: TOwners, grants: readonly T[]): T[] {
  return grants.filter(
    (grant) => (grant.team === "NETOPS" || grant.team === "SECOPS") && ownerOf(owners, grant.team) === grant.grantedById,
  );
}

/** Whether `person`, as they are now, may sign for `team` on a surface with these owners and grants. */
export function holdsSignAuthority(person: TPersonNow | undefined, team: Team, owners: TOwners, grants: readonly TGrant[]): boolean {
  if (!person || !person.active || team !== person.team || !person.roles.includes("CONTRIBUTOR")) return false;
  if (team !== "NETOPS" && team !== "SECOPS") return false;
  if (ownerOf(owners, team) === person.id) return true;
  return standingGrants(owners, grants).some((grant) => grant.userId === person.id && grant.team === team);
}

/** The sign-offs among `counted` whose signer no longer holds the authority they signed with. */
export function signOffsWithoutAuthority<T extends { userId: string; team: Team }>(
  counted: readonly T[],
  people: ReadonlyMap<string, TPersonNow>,
  owners: TOwners,
  grants: readonly TGrant[],
): T[] {
  return counted.filter((signOff) => !holdsSignAuthority(people.get(signOff.userId), signOff.team, owners, grants));
}

/** The teams whose owner differs between `current` and `next`. */
export function changedOwnerTeams(current: TOwners, next: TOwners): TSignTeam[] {
  return (["NETOPS", "SECOPS"] as const).filter((team) => ownerOf(current, team) !== ownerOf(next, team));
}

export type TOwnerChangeRefusal = { status: 400 | 403; path: string; message: string };

/**
 * Why `actor` may not move the owners from `current` to `next`, or null. A team's owner is
 * replaced by that owner, or by an admin who states a reason; an empty slot (a draft without that
 * owner yet) may be filled by any contributor.
 */
export function ownerChangeRefusal(
  actor: { id: string; roles: readonly Role[] },
  current: TOwners,
  next: TOwners,
  reason: string,
): TOwnerChangeRefusal | null {
  for (const team of changedOwnerTeams(current, next)) {
    const owner = ownerOf(current, team);
    if (owner === null || owner === actor.id) continue;
    if (actor.roles.includes("ADMIN")) {
      if (reason.trim() === "")
        return { status: 400, path: "reason", message: `an admin replacing the ${TEAM_NAMES[team]} owner states why` };
      continue;
    }
    return {
      status: 403,
      path: OWNER_FIELD[team],
      message: `Only the current ${TEAM_NAMES[team]} owner of this surface (or an admin, with a stated reason) may replace them.`,
    };
  }
  return null;
}
