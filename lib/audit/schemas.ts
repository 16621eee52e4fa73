import { z } from "zod";
import { zBigIntId, zIsoDateTimeOrDate } from "@/lib/api/bounds";

export const ZAuditQuery = z.object({
  action: z.string().trim().max(100).optional(),
  entityType: z.string().trim().max(100).optional(),
  entityId: z.string().trim().max(100).optional(),
  actorId: z.uuid().optional(),
  from: zIsoDateTimeOrDate().optional(),
  to: zIsoDateTimeOrDate().optional(),
  /** Keyset pagination: the id of the last event already seen. */
  before: zBigIntId().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

export const ZAuditEvent = z
  .object({
    id: z.string(),
    createdAt: z.string(),
    actorId: z.string().nullable(),
    actorLabel: z.string(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    requestId: z.string(),
    /** How the actor authenticated ("session" or "token") and the session or token id; null for system work. */
    authMethod: z.enum(["session", "token"]).nullable(),
    authId: z.string().nullable(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: "AuditEvent" });
export type TAuditEventView = z.infer<typeof ZAuditEvent>;

export const ZAuditPage = z.object({ events: z.array(ZAuditEvent), nextBefore: z.string().nullable() }).meta({ id: "AuditPage" });

export const ZAuditCheckpoint = z
  .object({
    seq: z.string(),
    createdAt: z.string(),
    eventCount: z.string(),
    headId: z.string().nullable(),
    headHash: z.string(),
    keyId: z.string(),
    signature: z.string(),
  })
  .meta({ id: "AuditCheckpoint" });

export const ZAuditCheckpointRun = z
  .object({
    checkpoint: ZAuditCheckpoint.extend({ trigger: z.string() }).nullable(),
    /** Sinks (the checkpoint file) that could not take it; the signed row is stored regardless. */
    sinkFailures: z.array(z.string()),
  })
  .meta({ id: "AuditCheckpointRun" });

export const ZAuditVerification = z
  .object({
    checked: z.number().int(),
    ok: z.boolean(),
    firstBreak: z.object({ id: z.string(), reason: z.enum(["prev_hash_mismatch", "hash_mismatch"]) }).nullable(),
    checkpoints: z.object({
      total: z.number().int(),
      latest: ZAuditCheckpoint.nullable(),
      problems: z.array(
        z.object({
          seq: z.string().nullable(),
          kind: z.enum([
            "unknown_key",
            "bad_signature",
            "tail_missing",
            "head_mismatch",
            "count_mismatch",
            "missing_from_database",
            "unreadable_file_line",
          ]),
          message: z.string(),
        }),
      ),
      problemCount: z.number().int(),
    }),
  })
  .meta({ id: "AuditVerification" });
export type TAuditVerification = z.infer<typeof ZAuditVerification>;
