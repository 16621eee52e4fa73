import "server-only";
import { db, Prisma } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import type { TActorContext } from "@/lib/auth/actor";
import { auditActionsMatching } from "./actions";
import type { TAuditEventView, TAuditQuery, TAuditVerification } from "./schemas";
import { verifyAuditChain } from "./verify";

export async function listAuditEvents(
  context: TActorContext,
  query: TAuditQuery,
): Promise<{ events: TAuditEventView[]; nextBefore: string | null }> {
  assertCan(context.actor, "admin.audit");
  const where: Prisma.AuditEventWhereInput = {
    // Older events may carry a legacy spelling of the action asked for (see LEGACY_AUDIT_ACTIONS).
    OR: query.action ? [{ action: { startsWith: query.action } }, { action: { in: auditActionsMatching(query.action) } }] : undefined,
    entityType: query.entityType,
    entityId: query.entityId,
    actorId: query.actorId,
    id: query.before ? { lt: BigInt(query.before) } : undefined,
    createdAt:
      query.from || query.to
        ? { gte: query.from ? new Date(query.from) : undefined, lte: query.to ? new Date(query.to) : undefined }
        : undefined,
  };
  const rows = await db.auditEvent.findMany({ where, orderBy: { id: "desc" }, take: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  return {
    events: page.map((row) => ({
      ...row,
      id: String(row.id),
      createdAt: row.createdAt.toISOString(),
      authMethod: row.authMethod as "session" | "token" | null,
    })),
    nextBefore: rows.length > query.limit ? String(page[page.length - 1]!.id) : null,
  };
}

export async function verifyAudit(context: TActorContext): Promise<TAuditVerification> {
  assertCan(context.actor, "admin.audit");
  const result = await verifyAuditChain();
  return { ...result, ok: result.firstBreak === null && result.checkpoints.problemCount === 0 };
}
