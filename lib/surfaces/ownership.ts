import "server-only";
import { db, readAll, type TTx } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { can } from "@/lib/auth/permissions";
import { type TActor, type TActorContext, requireSignedIn } from "@/lib/auth/actor";
import { ConflictError, ForbiddenError, RuleViolationError, ValidationError } from "@/lib/errors";
import { notify } from "@/lib/notifications/service";
import { notifySignOffsNeeded } from "./signoff-notify";
import { hashSurfaceContent, surfaceContentOf } from "./content";
import { activeSignOffs, afterEdit, TEAM_NAMES, type TSignTeam } from "./lifecycle";
import { changedOwnerTeams, OWNER_FIELD, ownerChangeRefusal, ownerOf, signOffsWithoutAuthority, type TOwners } from "./authority";
import { checkOwners, loadDetail, lockSurface, toSurface } from "./service";
import type { TSurface } from "./schemas";
import type { TReplaceOwner } from "./ownership-schemas";

/** Refuses an owner change the actor may not make (see `ownerChangeRefusal`), writing nothing. */
export function assertOwnerChangeAllowed(actor: TActor, current: TOwners, next: TOwners, reason: string): void {
  const refusal = ownerChangeRefusal(actor, current, next, reason);
  if (!refusal) return;
  if (refusal.status === 400) throw new ValidationError([{ path: refusal.path, message: refusal.message }]);
  throw new ForbiddenError(refusal.message);
}

/**
 * What replacing an owner does besides the content edit (which bumps the version and voids the
 * sign-offs): the replaced owner's delegations for that team end, the replaced owner is told,
 * and the audit trail records who did it and why.
 */
export async function recordOwnerChanges(
  tx: TTx,
  context: TActorContext,
  surface: { id: string; name: string } & TOwners,
  { next, reason }: { next: TOwners; reason: string },
): Promise<void> {
  const actor = context.actor;
  for (const team of changedOwnerTeams(surface, next)) {
    const replaced = ownerOf(surface, team);
    const successor = ownerOf(next, team);
    const ended = await tx.surfaceDelegate.deleteMany({ where: { surfaceId: surface.id, team } });
    await recordAudit(tx, context, {
      action: "surface.owner.change",
      entityType: "ProtectSurface",
      entityId: surface.id,
      before: { team, ownerId: replaced },
      after: { team, ownerId: successor, reason, delegationsEnded: ended.count },
    });
    if (replaced && replaced !== actor?.id) {
      const successorName = successor
        ? ((await tx.user.findUnique({ where: { id: successor }, select: { name: true } }))?.name ?? "someone else")
        : "nobody";
      await notify(tx, [replaced], {
        type: "surface.owner_replaced",
        title: `You are no longer the ${TEAM_NAMES[team]} owner of ${surface.name}`,
        body: `${actor?.name ?? "The system"} made ${successorName} the ${TEAM_NAMES[team]} owner; its sign-offs are void.${reason ? ` Reason: ${reason}` : ""}`,
        link: `/surfaces/${surface.id}`,
      });
    }
  }
}

/**
 * Agreement re-checks, at the moment it is reached, that each counted sign-off's signer still
 * holds the authority they signed with; the sign-offs of those who no longer do are voided here.
 * Returns the surface's sign-offs as they stand afterwards.
 */
export async function settleSignOffAuthority(tx: TTx, context: TActorContext, surfaceId: string) {
  const surface = await tx.protectSurface.findUniqueOrThrow({
    where: { id: surfaceId },
    select: { version: true, contentHash: true, netopsOwnerId: true, secopsOwnerId: true },
  });
  const signOffs = await tx.surfaceSignOff.findMany({ where: { surfaceId } });
  const counted = activeSignOffs(surface, signOffs);
  const [users, grants] = await readAll(tx, [
    () =>
      tx.user.findMany({
        where: { id: { in: counted.map((signOff) => signOff.userId) } },
        select: { id: true, team: true, roles: true, status: true },
      }),
    () => tx.surfaceDelegate.findMany({ where: { surfaceId }, select: { userId: true, team: true, grantedById: true } }),
  ]);
  const people = new Map(users.map((user) => [user.id, { ...user, active: user.status === "ACTIVE" }]));
  const lapsed = signOffsWithoutAuthority(counted, people, surface, grants);
  if (lapsed.length === 0) return signOffs;
  const voidedAt = new Date();
  await tx.surfaceSignOff.updateMany({ where: { id: { in: lapsed.map((signOff) => signOff.id) } }, data: { voidedAt } });
  await recordAudit(tx, context, {
    action: "surface.signoff.void",
    entityType: "ProtectSurface",
    entityId: surfaceId,
    after: { reason: "the signer no longer holds the authority", signOffs: lapsed.map(({ id, userId, team }) => ({ id, userId, team })) },
  });
  return signOffs.map((signOff) => (lapsed.some((gone) => gone.id === signOff.id) ? { ...signOff, voidedAt } : signOff));
}

/**
 * Replaces one team's owner: the current owner hands over, or an admin does with a stated reason.
 * The surface moves to a new version (an agreed one back to review), every sign-off is void, and
 * the new version shows in the surface's history.
 */
export async function replaceSurfaceOwner(context: TActorContext, id: string, input: TReplaceOwner): Promise<TSurface> {
  const actor = requireSignedIn(context);
  if (!can(actor, "surface.write") && !actor.roles.includes("ADMIN"))
    throw new ForbiddenError("Only contributors and admins change a surface's owners.");
  return db.$transaction(async (tx) => {
    await lockSurface(tx, id);
    const current = await loadDetail(tx, id);
    if (current.version !== input.version)
      throw new ConflictError(
        `The surface changed since you saw it: you saw version ${input.version}, it is now version ${current.version}.`,
        toSurface(actor, current),
      );
    const next: TOwners = {
      netopsOwnerId: current.netopsOwnerId,
      secopsOwnerId: current.secopsOwnerId,
      [OWNER_FIELD[input.team as TSignTeam]]: input.userId,
    };
    if (changedOwnerTeams(current, next).length === 0)
      throw new RuleViolationError(`This person already owns the surface for ${TEAM_NAMES[input.team]}.`, "no_change");
    assertOwnerChangeAllowed(actor, current, next, input.reason);
    const errors = await checkOwners(tx, next);
    if (errors.length > 0) throw new ValidationError(errors.map((error) => ({ ...error, path: "userId" })));
    const content = surfaceContentOf({ ...current, ...next });
    const contentHash = hashSurfaceContent(content);
    const edit = afterEdit(current, contentHash);
    await tx.protectSurface.update({
      where: { id },
      data: {
        ...next,
        contentHash,
        status: edit.status,
        version: edit.version,
        agreedAt: edit.status === "AGREED" ? current.agreedAt : null,
      },
    });
    await tx.surfaceVersion.create({ data: { surfaceId: id, version: edit.version, snapshot: content, contentHash, authorId: actor.id } });
    await tx.surfaceSignOff.updateMany({ where: { surfaceId: id, voidedAt: null, withdrawnAt: null }, data: { voidedAt: new Date() } });
    await recordOwnerChanges(tx, context, current, { next, reason: input.reason });
    await recordAudit(tx, context, {
      action: current.status === "AGREED" ? "surface.reopen" : "surface.update",
      entityType: "ProtectSurface",
      entityId: id,
      before: { ...surfaceContentOf(current), status: current.status, version: current.version },
      after: { ...content, status: edit.status, version: edit.version },
    });
    await notifySignOffsNeeded(tx, context, id, current.status === "AGREED" ? "reopened" : "edited", "An owner was replaced");
    return toSurface(actor, await loadDetail(tx, id));
  });
}
