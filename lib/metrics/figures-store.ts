import "server-only";
import { db, type Prisma } from "@/lib/db";
import { registerBackgroundJob } from "@/lib/ops/jobs";
import { log } from "@/lib/ops/log";
import { countFiguresRead, timeFiguresRefresh } from "@/lib/ops/metrics";
import { FIGURES_VERSION, programFigures, type TProgramFigures } from "./figures";
import { loadProgramRecords } from "./load";

/**
 * The program figures are stored once for every instance (table ProgramFigures, one row) with the
 * database snapshot they were computed from. Statement triggers note every transaction that writes a
 * table the figures read (table ProgramWrite). The figures are current exactly when no noted
 * transaction is missing from their snapshot: one indexed query per view instead of reading and
 * recomputing tens of thousands of rows. Writes made by any path (services, seeders, SQL by hand)
 * are noticed, because the database itself notes them.
 */

const FIGURES_ROW = 1;

/**
 * How old stale figures may be and still be shown while fresher ones are being computed, on a server
 * that keeps them fresh (see `startFiguresRefresher`). Past it, or where nothing refreshes in the
 * background (tests, command-line tools), a view waits for figures that include every committed write.
 */
const MAX_STALE_MS = 60_000;

/** While writes keep coming, background refreshes start at most this often: each one reads every record. */
const MIN_REFRESH_INTERVAL_MS = 5_000;

/** A background refresh may take about a tenth of the time between refreshes (of one core, at most). */
const REFRESH_DUTY_CYCLE = 10;

/**
 * How long to wait between background refreshes, given how long the last one took: every 5 s while
 * a refresh is cheap (a small program), less often as it grows (tens of thousands of records take
 * seconds, more on a busy machine), so the refresh never takes the CPU the requests need; never so
 * rarely that views would outgrow `MAX_STALE_MS` and wait for their own recomputation.
 */
export function refreshIntervalMs(lastRefreshMs: number): number {
  return Math.min(MAX_STALE_MS / 2, Math.max(MIN_REFRESH_INTERVAL_MS, REFRESH_DUTY_CYCLE * lastRefreshMs));
}

type TStoredState = { fresh: boolean; snapshot: string; ageMs: number; figures: TProgramFigures | null };

/** The stored figures' snapshot, whether a committed write is missing from it, and the figures unless already known. */
async function storedState(knownSnapshot: string | null): Promise<TStoredState | null> {
  const rows = await db.$queryRaw<Array<{ fresh: boolean; snapshot: string; ageMs: number; figures: Prisma.JsonValue | null }>>`
    SELECT
      NOT EXISTS (
        SELECT 1 FROM "ProgramWrite" w
        WHERE w.xid >= pg_snapshot_xmin(f.snapshot::pg_snapshot)::text::bigint
          AND NOT pg_visible_in_snapshot(w.xid::text::xid8, f.snapshot::pg_snapshot)
      ) AS fresh,
      f.snapshot,
      (extract(epoch FROM (now() - f."computedAt")) * 1000)::float8 AS "ageMs",
      CASE WHEN f.snapshot = ${knownSnapshot} THEN NULL ELSE f.figures END AS figures
    FROM "ProgramFigures" f
    WHERE f.id = ${FIGURES_ROW}`;
  const row = rows[0];
  if (!row) return null;
  const figures = row.figures as TProgramFigures | null;
  if (figures && figures.version !== FIGURES_VERSION) return null;
  return { fresh: row.fresh, snapshot: row.snapshot, ageMs: row.ageMs, figures };
}

/**
 * Recomputes the figures and stores them unless another instance already stored newer ones. The
 * records are read in one repeatable-read transaction, whose snapshot is the one stored: the figures
 * describe exactly the data of that snapshot. One connection, read after read, so a refresh never
 * takes a large share of the pool from the requests being served meanwhile.
 */
async function computeAndStore(): Promise<{ snapshot: string; figures: TProgramFigures }> {
  const { snapshot, xmax, figures } = await db.$transaction(
    async (tx) => {
      // Reading and decoding tens of thousands of rows may outlast the limits set for serving requests.
      await tx.$executeRaw`SET LOCAL statement_timeout = '300s'`;
      await tx.$executeRaw`SET LOCAL idle_in_transaction_session_timeout = '300s'`;
      const [taken] = await tx.$queryRaw<Array<{ snapshot: string; xmax: bigint }>>`
        SELECT pg_current_snapshot()::text AS snapshot, pg_snapshot_xmax(pg_current_snapshot())::text::bigint AS xmax`;
      return { ...taken!, figures: programFigures(await loadProgramRecords(tx)) };
    },
    { isolationLevel: "RepeatableRead", maxWait: 30_000, timeout: 300_000 },
  );
  await db.$executeRaw`
    INSERT INTO "ProgramFigures" (id, snapshot, "snapshotXmax", figures, "computedAt")
    VALUES (${FIGURES_ROW}, ${snapshot}, ${xmax}, ${JSON.stringify(figures)}::jsonb, now())
    ON CONFLICT (id) DO UPDATE SET snapshot = excluded.snapshot, "snapshotXmax" = excluded."snapshotXmax", figures = excluded.figures, "computedAt" = excluded."computedAt"
    WHERE "ProgramFigures"."snapshotXmax" <= excluded."snapshotXmax"`;
  // Transactions that ended before the stored snapshot's oldest running one are all in it: no longer needed.
  await db.$executeRaw`
    DELETE FROM "ProgramWrite"
    WHERE xid < (SELECT pg_snapshot_xmin(snapshot::pg_snapshot)::text::bigint FROM "ProgramFigures" WHERE id = ${FIGURES_ROW})`;
  return { snapshot, figures };
}

/** Per process, and on globalThis: Next.js loads this module once for the routes and once for instrumentation. */
type TFiguresState = {
  remembered: { snapshot: string; figures: TProgramFigures } | null;
  running: Promise<TProgramFigures> | null;
  queued: Promise<TProgramFigures> | null;
  keepFresh: boolean;
  lastRefreshAt: number;
  /** How long the last refresh took, start to stored. */
  lastRefreshMs: number;
};
const globalForFigures = globalThis as unknown as { concordFigures?: TFiguresState };
const state: TFiguresState = (globalForFigures.concordFigures ??= {
  remembered: null,
  running: null,
  queued: null,
  keepFresh: false,
  lastRefreshAt: 0,
  lastRefreshMs: 0,
});

function refreshOnce(): Promise<TProgramFigures> {
  const startedAt = Date.now();
  state.lastRefreshAt = startedAt;
  const timed = timeFiguresRefresh();
  const started = computeAndStore().then((result) => {
    timed();
    state.lastRefreshMs = Date.now() - startedAt;
    state.remembered = result;
    return result.figures;
  });
  state.running = started.finally(() => {
    state.running = null;
  });
  return state.running;
}

/**
 * Recomputes and stores the figures. Callers that arrive while a computation runs share the next
 * one, which starts after theirs arrived (so it sees every write committed before they asked); at
 * most one runs and one waits per process, however many ask.
 */
export function refreshFigures(): Promise<TProgramFigures> {
  if (!state.running) return refreshOnce();
  if (!state.queued) {
    state.queued = state.running
      .catch(() => undefined)
      .then(() => {
        state.queued = null;
        return refreshOnce();
      });
  }
  return state.queued;
}

/**
 * The program figures as of now: the stored ones while no write has touched their records, else
 * recomputed. On a server that keeps them fresh, a view during a burst of writes is answered with
 * figures at most `MAX_STALE_MS` old while newer ones are computed in the background, instead of
 * every viewer waiting for its own recomputation.
 */
export async function currentFigures(): Promise<TProgramFigures> {
  const stored = await storedState(state.remembered?.snapshot ?? null);
  if (stored?.figures) state.remembered = { snapshot: stored.snapshot, figures: stored.figures };
  const known = stored && state.remembered?.snapshot === stored.snapshot ? state.remembered.figures : null;
  if (known && stored!.fresh) {
    countFiguresRead("stored");
    return known;
  }
  if (known && state.keepFresh && stored!.ageMs < MAX_STALE_MS) {
    if (!state.running && Date.now() - state.lastRefreshAt >= refreshIntervalMs(state.lastRefreshMs))
      refreshFigures().catch((error: unknown) => log.error({ err: error }, "refreshing the program figures failed"));
    countFiguresRead("stale");
    return known;
  }
  countFiguresRead("recomputed");
  return refreshFigures();
}

/**
 * On a server: lets views be answered from slightly stale figures while a background refresh runs
 * (see `currentFigures`). Registered as a background job so shutdown waits for a refresh in progress.
 */
export function startFiguresRefresher(): void {
  if (state.keepFresh) return;
  state.keepFresh = true;
  registerBackgroundJob("program-figures", async () => {
    state.keepFresh = false;
    await state.running?.catch(() => undefined);
  });
}

/** Whether the stored figures include every committed write to the records they count. */
export async function figuresAreCurrent(): Promise<boolean> {
  return (await storedState(null))?.fresh ?? false;
}
