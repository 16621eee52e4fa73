import "server-only";
import { db, type TTx } from "@/lib/db";
import { openBulkConnection, type TBulkConnection } from "@/lib/db/bulk";
import { BatchAggregator } from "./aggregate";
import { WrongFormatError, type TParsedLine } from "./records";
import { clearStaging, mergeStaged, stageRows, upsertEndpoints } from "./store";

/** Distinct rows one batch holds before it goes to the database: bounds memory whatever the file. */
export const DEFAULT_BATCH_ROWS = 50_000;
/** Rejects kept with their line number and reason; the rest are only counted. */
export const MAX_REJECTS_KEPT = 100;
const PROGRESS_EVERY_MS = 250;

export type TImportReject = { line: number; reason: string };

export type TImportProgress = {
  bytes: number;
  lines: number;
  accepted: number;
  skipped: number;
  rejected: number;
  linesPerSecond: number;
};

export type TImportStatus = "DONE" | "CANCELLED" | "FAILED";

export type TImportOutcome = TImportProgress & {
  status: TImportStatus;
  rejects: TImportReject[];
  error: string | null;
  contributed: number;
};

export type TPipelineInput = {
  importId: string;
  surfaceId: string;
  /** The file's parsed lines, one at a time or (faster: no await per line) in batches. */
  lines: AsyncIterable<TParsedLine | readonly TParsedLine[]>;
  /** Bytes of the input read so far (compressed bytes for a gzip file): what a progress bar divides. */
  bytesRead: () => number;
  strict: boolean;
  signal?: AbortSignal;
  /** Called at most every 250 ms; answering false cancels the import (someone pressed Cancel elsewhere). */
  onProgress?: (progress: TImportProgress) => void | boolean | Promise<void | boolean>;
  batchRows?: number;
  /**
   * Writes the import's record (and its audit row) in the transaction of the merge, so the
   * observations exist exactly when the record says DONE. Returns false to refuse the merge
   * (the import was cancelled meanwhile).
   */
  finish: (tx: TTx, outcome: TImportOutcome) => Promise<boolean | void>;
};

/** The input itself failed (an upload cut off, a file that cannot be read): the import fails, nothing is merged. */
export class InputStreamError extends Error {
  constructor(readonly reason: unknown) {
    super("The file could not be read to the end (an upload cut off?); nothing was imported.");
    this.name = "InputStreamError";
  }
}

class ImportStopped extends Error {
  constructor(
    readonly status: "CANCELLED" | "FAILED",
    message: string,
  ) {
    super(message);
  }
}

function isBatch(item: TParsedLine | readonly TParsedLine[]): item is readonly TParsedLine[] {
  return Array.isArray(item);
}

/** Whatever goes wrong while reading the file (bad gzip data, a cut-off upload) is the input's fault, not the server's. */
async function* readingErrorsAsInput(
  lines: AsyncIterable<TParsedLine | readonly TParsedLine[]>,
): AsyncGenerator<TParsedLine | readonly TParsedLine[]> {
  try {
    yield* lines;
  } catch (error) {
    if (error instanceof WrongFormatError || error instanceof InputStreamError) throw error;
    throw new InputStreamError(error);
  }
}

/**
 * Reads parsed lines, sums them per batch in memory, COPYs each batch into the staging table and
 * merges everything in one statement at the end. Nothing reaches the observations before that
 * merge, so a cancelled, failed or strict-mode import leaves them as they were.
 */
export async function runImportPipeline(input: TPipelineInput): Promise<TImportOutcome> {
  const started = Date.now();
  const counts = { lines: 0, accepted: 0, skipped: 0, rejected: 0 };
  const rejects: TImportReject[] = [];
  const aggregator = new BatchAggregator(input.batchRows ?? DEFAULT_BATCH_ROWS);
  const progress = (): TImportProgress => {
    const seconds = Math.max((Date.now() - started) / 1000, 0.001);
    return { bytes: input.bytesRead(), ...counts, linesPerSecond: Math.round(counts.lines / seconds) };
  };
  const outcome = (status: TImportStatus, error: string | null, contributed = 0): TImportOutcome => ({
    ...progress(),
    status,
    rejects,
    error,
    contributed,
  });

  let bulk: TBulkConnection | null = null;
  // One batch is written while the next is parsed; never more, so memory stays at two batches.
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    await writing;
    const { rows, endpoints } = aggregator.drain();
    const connection = bulk!;
    writing = (async () => {
      await stageRows(connection, input.importId, rows);
      await upsertEndpoints(connection, input.surfaceId, endpoints, new Date());
    })();
    // Surface a failed write now rather than after the whole file.
    writing.catch(() => undefined);
  };

  try {
    bulk = await openBulkConnection();
    let lastProgress = Date.now();
    const checkpoint = async () => {
      if (input.signal?.aborted) throw new ImportStopped("CANCELLED", "The import was cancelled; nothing was imported.");
      const now = Date.now();
      if (input.onProgress && now - lastProgress >= PROGRESS_EVERY_MS) {
        lastProgress = now;
        if ((await input.onProgress(progress())) === false)
          throw new ImportStopped("CANCELLED", "The import was cancelled; nothing was imported.");
      }
    };
    for await (const item of readingErrorsAsInput(input.lines)) {
      const batch: readonly TParsedLine[] = isBatch(item) ? item : [item];
      for (const parsed of batch) {
        counts.lines += 1;
        if (parsed.kind === "record") {
          counts.accepted += 1;
          aggregator.add(parsed.record);
          if (aggregator.full) await flush();
        } else if (parsed.kind === "skip") {
          counts.skipped += 1;
        } else {
          counts.rejected += 1;
          if (rejects.length < MAX_REJECTS_KEPT) rejects.push({ line: parsed.line, reason: parsed.reason });
          if (input.strict)
            throw new ImportStopped("FAILED", `Strict mode: line ${parsed.line} was rejected (${parsed.reason}); nothing was imported.`);
        }
        if ((counts.lines & 1023) === 0) await checkpoint();
      }
    }
    if (input.signal?.aborted) throw new ImportStopped("CANCELLED", "The import was cancelled; nothing was imported.");
    await flush();
    await writing;
    await input.onProgress?.(progress());
    const merged = await db.$transaction(
      async (tx) => {
        // A large merge may take longer than an ordinary statement is allowed to.
        await tx.$executeRawUnsafe("SET LOCAL statement_timeout = 0");
        // The merge groups the staged rows by key: in memory, not in batches spilled to disk.
        await tx.$executeRawUnsafe("SET LOCAL work_mem = '256MB'");
        const contributed = await mergeStaged(tx, input.importId, input.surfaceId);
        const done = outcome("DONE", null, contributed);
        if ((await input.finish(tx, done)) === false)
          throw new ImportStopped("CANCELLED", "The import was cancelled; nothing was imported.");
        return done;
      },
      { timeout: 30 * 60_000, maxWait: 60_000 },
    );
    return merged;
  } catch (error) {
    await writing.catch(() => undefined);
    const stopped =
      error instanceof ImportStopped
        ? error
        : error instanceof WrongFormatError
          ? new ImportStopped("FAILED", error.message)
          : input.signal?.aborted
            ? new ImportStopped("CANCELLED", "The import was cancelled; nothing was imported.")
            : error instanceof InputStreamError
              ? new ImportStopped("FAILED", error.message)
              : null;
    if (bulk) await clearStaging(bulk, input.importId).catch(() => undefined);
    const result = outcome(stopped?.status ?? "FAILED", stopped?.message ?? "The import failed; nothing was imported.");
    await db.$transaction((tx) => input.finish(tx, result));
    if (!stopped) throw error;
    return result;
  } finally {
    await bulk?.close().catch(() => undefined);
  }
}
