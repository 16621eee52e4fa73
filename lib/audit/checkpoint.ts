import crypto from "node:crypto";
import canonicalize from "canonicalize";

/**
 * Signed checkpoints anchor the audit chain's head outside the table: the chain alone shows content
 * that was altered or removed in the middle, but not a tail cut off its end (nor a chain rebuilt
 * from scratch). A checkpoint says "the chain held `eventCount` events ending at `headId` with
 * `headHash`", signed with a key the database never holds.
 */
export type TCheckpointContent = {
  createdAt: string;
  /** Counts as decimal strings: the table's ids are bigints. */
  eventCount: string;
  headId: string | null;
  headHash: string;
};

export type TSignedCheckpoint = TCheckpointContent & { keyId: string; signature: string };

/** A checkpoint as the verifier sees it: where it came from and its number there. */
export type TStoredCheckpoint = TSignedCheckpoint & { seq: string };

/** Names a key without revealing it, so a rotated key reads as "another key", not as tampering. */
export function checkpointKeyId(key: string): string {
  return crypto.createHash("sha256").update(`concord-audit-checkpoint-key:${key}`).digest("hex").slice(0, 16);
}

function mac(content: TCheckpointContent, key: string): string {
  const { createdAt, eventCount, headId, headHash } = content;
  const canonical = canonicalize({ v: 1, createdAt, eventCount, headId, headHash });
  if (canonical === undefined) throw new Error("Checkpoint content cannot be canonicalized");
  return crypto.createHmac("sha256", key).update(canonical).digest("hex");
}

export function signCheckpoint(content: TCheckpointContent, key: string): TSignedCheckpoint {
  return { ...content, keyId: checkpointKeyId(key), signature: mac(content, key) };
}

export type TSignatureProblem = "unknown_key" | "bad_signature";

/**
 * Null when the checkpoint was signed with one of these keys (the current one first, then those
 * retired by a rotation) and not changed since.
 */
export function checkpointSignatureProblem(checkpoint: TSignedCheckpoint, keys: string | readonly string[]): TSignatureProblem | null {
  const key = (typeof keys === "string" ? [keys] : keys).find((candidate) => checkpointKeyId(candidate) === checkpoint.keyId);
  if (key === undefined) return "unknown_key";
  const expected = Buffer.from(mac(checkpoint, key), "hex");
  const given = Buffer.from(checkpoint.signature, "hex");
  return given.length === expected.length && crypto.timingSafeEqual(given, expected) ? null : "bad_signature";
}

/** What the stored chain shows at a checkpoint's head, gathered while walking it. */
export type TChainAtHead = {
  /** Events in the chain with an id up to the checkpoint's head. */
  countThroughHead: number;
  /** Hash of the event with the head's id, null when there is none. */
  hashAtHead: string | null;
  /** Id of the chain's last event, null for an empty chain. */
  lastId: string | null;
  total: number;
};

export type TCheckpointProblemKind =
  TSignatureProblem | "tail_missing" | "head_mismatch" | "count_mismatch" | "missing_from_database" | "unreadable_file_line";

/** `seq` is the checkpoint's number, null for a problem of the checkpoint file itself. */
export type TCheckpointProblem = { seq: string | null; kind: TCheckpointProblemKind; message: string };

function events(n: number | bigint | string): string {
  return `${n} ${String(n) === "1" ? "event" : "events"}`;
}

export function describeSignatureProblem(checkpoint: TStoredCheckpoint, problem: TSignatureProblem): TCheckpointProblem {
  return {
    seq: checkpoint.seq,
    kind: problem,
    message:
      problem === "unknown_key"
        ? `Checkpoint #${checkpoint.seq} was signed with an unknown key (${checkpoint.keyId}): forged, or signed with a retired key missing from AUDIT_CHECKPOINT_PREVIOUS_KEYS.`
        : `Checkpoint #${checkpoint.seq} has an invalid signature: it was forged or altered after it was written.`,
  };
}

/** Compares a validly signed checkpoint with the chain; null when the chain still holds what it anchored. */
export function compareWithCheckpoint(checkpoint: TStoredCheckpoint, chain: TChainAtHead): TCheckpointProblem | null {
  const { seq, headId } = checkpoint;
  const expected = BigInt(checkpoint.eventCount);
  if (headId === null) return null;
  if (chain.lastId === null || BigInt(chain.lastId) < BigInt(headId)) {
    const missing = expected - BigInt(chain.total);
    return {
      seq,
      kind: "tail_missing",
      message:
        `${missing > 0n ? events(missing) : "Events"} up to checkpoint #${seq} ${missing === 1n ? "is" : "are"} missing: the chain ends at ` +
        `${chain.lastId === null ? "no event (it is empty)" : `event ${chain.lastId}`}, the checkpoint says ${headId} (${events(expected)}).`,
    };
  }
  if (chain.hashAtHead !== checkpoint.headHash) {
    return {
      seq,
      kind: "head_mismatch",
      message:
        chain.hashAtHead === null
          ? `Event ${headId}, the head of checkpoint #${seq}, is missing from the chain.`
          : `Event ${headId} no longer has the hash checkpoint #${seq} recorded: the chain was rewritten up to it.`,
    };
  }
  if (BigInt(chain.countThroughHead) !== expected) {
    const missing = expected - BigInt(chain.countThroughHead);
    return {
      seq,
      kind: "count_mismatch",
      message: `Checkpoint #${seq} counted ${events(expected)} up to event ${headId}; the chain has ${events(chain.countThroughHead)} (${missing > 0n ? `${missing} missing` : `${-missing} extra`}).`,
    };
  }
  return null;
}

export function describeMissingFromDatabase(checkpoint: TStoredCheckpoint): TCheckpointProblem {
  return {
    seq: checkpoint.seq,
    kind: "missing_from_database",
    message: `Checkpoint #${checkpoint.seq} is in the checkpoint file but not in the database: it was deleted there.`,
  };
}

export function describeUnreadableLine(line: number): TCheckpointProblem {
  return {
    seq: null,
    kind: "unreadable_file_line",
    message: `Line ${line} of the checkpoint file is not a checkpoint: it was damaged or edited.`,
  };
}

/** The scheduled checkpoint is skipped when the chain has not grown since the last one. */
export function chainGrewSince(
  latest: Pick<TCheckpointContent, "eventCount" | "headId"> | null,
  head: Pick<TCheckpointContent, "eventCount" | "headId">,
): boolean {
  return !latest || latest.eventCount !== head.eventCount || latest.headId !== head.headId;
}
