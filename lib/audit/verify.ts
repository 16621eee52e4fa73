import "server-only";
import { db, type TTx } from "@/lib/db";
import { getAuditCheckpointKeys, getEnv } from "@/lib/env";
import { GENESIS_HASH, findChainBreak, storedAuditContent, type TChainBreak } from "./chain";
import {
  checkpointSignatureProblem,
  compareWithCheckpoint,
  describeMissingFromDatabase,
  describeSignatureProblem,
  describeUnreadableLine,
  type TChainAtHead,
  type TCheckpointProblem,
  type TStoredCheckpoint,
} from "./checkpoint";
import { readCheckpointFile } from "./checkpoint-sinks";
import { listStoredCheckpoints } from "./checkpoints";

export type TCheckpointReport = {
  /** Checkpoints looked at: the table's, and the file's that the table lacks. */
  total: number;
  /** The newest checkpoint with a valid signature: what the chain is anchored by. */
  latest: TStoredCheckpoint | null;
  /** Newest first; at most MAX_PROBLEMS of them, `problemCount` says how many there were. */
  problems: TCheckpointProblem[];
  problemCount: number;
};

export type TVerifyResult = { checked: number; firstBreak: TChainBreak | null; checkpoints: TCheckpointReport };

export type TVerifyOptions = { keys?: string[]; checkpointFile?: string | null };

const BATCH = 2000;
const MAX_PROBLEMS = 20;

/** The table's checkpoints plus those only the file still has (which is itself a finding). */
async function gatherCheckpoints(client: TTx, checkpointFile: string | null | undefined) {
  const stored = await listStoredCheckpoints(client);
  const problems: TCheckpointProblem[] = [];
  const bySignature = new Map(stored.map((checkpoint) => [checkpoint.signature, checkpoint]));
  if (checkpointFile) {
    const file = await readCheckpointFile(checkpointFile);
    problems.push(...file.unreadableLines.map(describeUnreadableLine));
    for (const checkpoint of file.checkpoints) {
      if (bySignature.has(checkpoint.signature)) continue;
      problems.push(describeMissingFromDatabase(checkpoint));
      bySignature.set(checkpoint.signature, checkpoint);
    }
  }
  return { checkpoints: [...bySignature.values()], problems };
}

/**
 * Walks the whole chain in id order and names the first event that does not verify, then holds the
 * chain against every validly signed checkpoint: a chain shorter than a checkpoint lost its tail.
 */
export async function verifyAuditChain(client: TTx = db, options: TVerifyOptions = {}): Promise<TVerifyResult> {
  const keys = options.keys ?? getAuditCheckpointKeys();
  const gathered = await gatherCheckpoints(
    client,
    options.checkpointFile === undefined ? getEnv().AUDIT_CHECKPOINT_FILE : options.checkpointFile,
  );
  const problems = gathered.problems;
  const anchors: TStoredCheckpoint[] = [];
  for (const checkpoint of gathered.checkpoints) {
    const signatureProblem = checkpointSignatureProblem(checkpoint, keys);
    if (signatureProblem) problems.push(describeSignatureProblem(checkpoint, signatureProblem));
    else anchors.push(checkpoint);
  }
  const pending = anchors.filter((anchor) => anchor.headId !== null).sort((a, b) => Number(BigInt(a.headId!) - BigInt(b.headId!)));
  const seenAtHead = new Map<TStoredCheckpoint, Pick<TChainAtHead, "countThroughHead" | "hashAtHead">>();

  let previousHash = GENESIS_HASH;
  let afterId: bigint | undefined;
  let checked = 0;
  let firstBreak: TChainBreak | null = null;
  for (;;) {
    const batch = await client.auditEvent.findMany({
      where: afterId === undefined ? {} : { id: { gt: afterId } },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    if (batch.length === 0) break;
    firstBreak = findChainBreak(
      batch.map((event) => ({
        ...storedAuditContent(event),
        createdAt: event.createdAt.toISOString(),
        before: event.before,
        after: event.after,
      })),
      previousHash,
    );
    if (firstBreak) {
      const index = batch.findIndex((event) => String(event.id) === firstBreak!.id);
      checked += index;
      break;
    }
    for (const event of batch) {
      while (pending.length > 0 && BigInt(pending[0]!.headId!) < event.id) {
        seenAtHead.set(pending.shift()!, { countThroughHead: checked, hashAtHead: null });
      }
      checked += 1;
      while (pending.length > 0 && BigInt(pending[0]!.headId!) === event.id) {
        seenAtHead.set(pending.shift()!, { countThroughHead: checked, hashAtHead: event.hash });
      }
    }
    const last = batch[batch.length - 1]!;
    previousHash = last.hash;
    afterId = last.id;
  }

  // Past a broken link the chain proves nothing, so only an intact one is held against checkpoints.
  if (!firstBreak) {
    const end = { lastId: afterId === undefined ? null : String(afterId), total: checked };
    for (const anchor of anchors) {
      const seen = seenAtHead.get(anchor) ?? { countThroughHead: checked, hashAtHead: null };
      const problem = compareWithCheckpoint(anchor, { ...seen, ...end });
      if (problem) problems.push(problem);
    }
  }

  const newestFirst = (a: TCheckpointProblem, b: TCheckpointProblem) => Number(BigInt(b.seq ?? "0") - BigInt(a.seq ?? "0"));
  problems.sort(newestFirst);
  const latest = anchors.reduce<TStoredCheckpoint | null>(
    (best, anchor) => (!best || BigInt(anchor.seq) > BigInt(best.seq) ? anchor : best),
    null,
  );
  return {
    checked,
    firstBreak,
    checkpoints: { total: gathered.checkpoints.length, latest, problems: problems.slice(0, MAX_PROBLEMS), problemCount: problems.length },
  };
}
