import "server-only";
import { db, type TTx } from "@/lib/db";
import { getAuditCheckpointKey, getEnv } from "@/lib/env";
import { assertCan } from "@/lib/auth/permissions";
import type { TActorContext } from "@/lib/auth/actor";
import { recordAudit } from "./record";
import { GENESIS_HASH } from "./chain";
import { chainGrewSince, signCheckpoint, type TStoredCheckpoint } from "./checkpoint";
import { configuredSinks, type TCheckpointRecord, type TCheckpointSink } from "./checkpoint-sinks";

/** Admits one checkpoint writer at a time across every instance sharing the database. */
const CHECKPOINT_LOCK_KEY = 7_221_002;

export type TCheckpointTrigger = "schedule" | "admin" | "cli";

export type TCheckpointRun = { checkpoint: TCheckpointRecord | null; sinkFailures: string[] };

type TCheckpointRow = {
  id: bigint;
  createdAt: Date;
  eventCount: bigint;
  headId: bigint | null;
  headHash: string;
  keyId: string;
  signature: string;
  trigger: string;
};

export function toCheckpointRecord(row: TCheckpointRow): TCheckpointRecord {
  return {
    seq: String(row.id),
    createdAt: row.createdAt.toISOString(),
    eventCount: String(row.eventCount),
    headId: row.headId === null ? null : String(row.headId),
    headHash: row.headHash,
    keyId: row.keyId,
    signature: row.signature,
    trigger: row.trigger,
  };
}

/**
 * The chain's head and length, read in one statement so both come from the same snapshot: audit
 * writers commit in id order (they hold the audit lock until commit), so what it sees is a prefix.
 */
async function readChainHead(tx: TTx): Promise<{ eventCount: string; headId: string | null; headHash: string }> {
  const [head] = await tx.$queryRaw<Array<{ eventCount: string; headId: string; headHash: string }>>`
    SELECT (SELECT count(*) FROM "AuditEvent")::text AS "eventCount", e.id::text AS "headId", e.hash AS "headHash"
    FROM "AuditEvent" e ORDER BY e.id DESC LIMIT 1`;
  return head ?? { eventCount: "0", headId: null, headHash: GENESIS_HASH };
}

/** Taken before the row exists, so the audit event of a requested checkpoint can name it. */
async function nextCheckpointId(tx: TTx): Promise<bigint> {
  const [row] = await tx.$queryRaw<Array<{ id: bigint }>>`SELECT nextval(pg_get_serial_sequence('"AuditCheckpoint"', 'id')) AS id`;
  return row!.id;
}

async function sendToSinks(checkpoint: TCheckpointRecord, sinks: TCheckpointSink[]): Promise<string[]> {
  const failures: string[] = [];
  for (const sink of sinks) {
    try {
      await sink.send(checkpoint);
    } catch (error) {
      // The signed row is in the database already; a sink that is down must not undo it.
      console.error(`[audit] checkpoint #${checkpoint.seq} could not be sent to ${sink.name}`, error);
      failures.push(`${sink.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return failures;
}

/**
 * Signs the chain's current head and stores it. A person's (or an operator's) checkpoint is audited
 * first, so it anchors its own event; the scheduled one is housekeeping, writes only when the chain
 * grew since the last checkpoint, and leaves the run to another instance that holds the lock.
 */
export async function writeCheckpoint(
  trigger: TCheckpointTrigger,
  context: TActorContext | null,
  sinks: TCheckpointSink[] = configuredSinks(getEnv()),
): Promise<TCheckpointRun> {
  const key = getAuditCheckpointKey();
  const checkpoint = await db.$transaction(async (tx) => {
    let head: Awaited<ReturnType<typeof readChainHead>>;
    let id: bigint;
    if (trigger === "schedule") {
      const [lock] = await tx.$queryRaw<Array<{ locked: boolean }>>`SELECT pg_try_advisory_xact_lock(${CHECKPOINT_LOCK_KEY}) AS locked`;
      if (!lock?.locked) return null;
      head = await readChainHead(tx);
      const latest = await tx.auditCheckpoint.findFirst({ orderBy: { id: "desc" }, select: { eventCount: true, headId: true } });
      const latestHead = latest && { eventCount: String(latest.eventCount), headId: latest.headId === null ? null : String(latest.headId) };
      if (!chainGrewSince(latestHead, head)) return null;
      id = await nextCheckpointId(tx);
    } else {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHECKPOINT_LOCK_KEY})`;
      id = await nextCheckpointId(tx);
      if (context) {
        await recordAudit(tx, context, {
          action: "audit.checkpoint.create",
          entityType: "AuditCheckpoint",
          entityId: String(id),
          after: { trigger },
        });
      }
      head = await readChainHead(tx);
    }
    const signed = signCheckpoint({ createdAt: new Date().toISOString(), ...head }, key);
    const row = await tx.auditCheckpoint.create({
      data: {
        id,
        createdAt: new Date(signed.createdAt),
        eventCount: BigInt(signed.eventCount),
        headId: signed.headId === null ? null : BigInt(signed.headId),
        headHash: signed.headHash,
        keyId: signed.keyId,
        signature: signed.signature,
        trigger,
      },
    });
    return toCheckpointRecord(row);
  });
  if (!checkpoint) return { checkpoint: null, sinkFailures: [] };
  return { checkpoint, sinkFailures: await sendToSinks(checkpoint, sinks) };
}

/** An administrator anchors the chain now (the admin audit page's button). */
export async function createCheckpoint(context: TActorContext): Promise<TCheckpointRun> {
  assertCan(context.actor, "admin.audit");
  return writeCheckpoint("admin", context);
}

/** Every stored checkpoint in the order written, for the verifier. */
export async function listStoredCheckpoints(client: TTx = db): Promise<TStoredCheckpoint[]> {
  const rows = await client.auditCheckpoint.findMany({ orderBy: { id: "asc" } });
  return rows.map(toCheckpointRecord);
}
