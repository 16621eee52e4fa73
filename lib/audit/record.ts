import "server-only";
import type { TTx } from "@/lib/db";
import type { TActorContext } from "@/lib/auth/actor";
import type { TAuditActionWritten } from "./actions";
import { GENESIS_HASH, hashAuditContent, toPlainJson, type TAuditContent } from "./chain";

export type TAuditEntry = {
  action: TAuditActionWritten;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

/** Serializes audit writers so that every event chains onto exactly one predecessor. */
const AUDIT_LOCK_KEY = 7_221_001;

/**
 * Appends one event to the hash chain. Must run inside the transaction of the change it records,
 * so the event exists exactly when the change does.
 */
export async function recordAudit(tx: TTx, context: TActorContext, entry: TAuditEntry): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`;
  const previous = await tx.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const content: TAuditContent = {
    createdAt: new Date().toISOString(),
    actorId: context.actor?.id ?? null,
    actorLabel: context.actor ? `${context.actor.name} <${context.actor.email}>` : (context.systemLabel ?? "system"),
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: toPlainJson(entry.before ?? null),
    after: toPlainJson(entry.after ?? null),
    requestId: context.requestId,
    ...(context.auth
      ? { authMethod: context.auth.method, authId: context.auth.method === "session" ? context.auth.sessionId : context.auth.tokenId }
      : {}),
    prevHash: previous?.hash ?? GENESIS_HASH,
  };
  await tx.auditEvent.create({
    data: {
      ...content,
      createdAt: new Date(content.createdAt),
      before: content.before ?? undefined,
      after: content.after ?? undefined,
      hash: hashAuditContent(content),
    },
  });
}
