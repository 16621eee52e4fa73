import "server-only";
import crypto from "node:crypto";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import type { TActor } from "./actor";
import type { TOidcIdentity } from "./oidc";

const actorSelect = { id: true, email: true, name: true, team: true, roles: true, status: true } as const;

/**
 * Finds or creates the Concord user behind an OpenID Connect sign-in. Claims, when present, are the
 * source of truth for team and roles; a new user without a team claim is refused.
 */
export async function upsertOidcUser(identity: TOidcIdentity): Promise<TActor | null> {
  return db.$transaction(async (tx) => {
    const existing =
      (await tx.user.findUnique({ where: { oidcSubject: identity.subject }, select: actorSelect })) ??
      (await tx.user.findUnique({ where: { email: identity.email }, select: actorSelect }));
    const context = { actor: null, requestId: crypto.randomUUID(), systemLabel: "oidc" };
    if (!existing) {
      if (!identity.team) return null;
      const created = await tx.user.create({
        data: {
          email: identity.email,
          name: identity.name,
          team: identity.team,
          roles: identity.roles.length ? identity.roles : ["VIEWER"],
          oidcSubject: identity.subject,
        },
        select: actorSelect,
      });
      const { status: _status, ...actor } = created;
      await recordAudit(tx, context, { action: "user.create", entityType: "User", entityId: created.id, after: actor });
      return actor;
    }
    if (existing.status !== "ACTIVE") return null;
    const next = {
      oidcSubject: identity.subject,
      team: identity.team ?? existing.team,
      roles: identity.roles.length ? identity.roles : existing.roles,
    };
    const changed = next.team !== existing.team || next.roles.join() !== existing.roles.join();
    const updated = await tx.user.update({ where: { id: existing.id }, data: next, select: actorSelect });
    if (changed) {
      await recordAudit(tx, context, {
        action: "user.update",
        entityType: "User",
        entityId: existing.id,
        before: { team: existing.team, roles: existing.roles },
        after: { team: updated.team, roles: updated.roles },
      });
    }
    const { status: _status, ...actor } = updated;
    return actor;
  });
}
