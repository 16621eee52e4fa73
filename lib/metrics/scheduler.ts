import { getEnv } from "@/lib/env";
import { registerBackgroundJob } from "@/lib/ops/jobs";
import { log } from "@/lib/ops/log";
import { countSnapshotRun } from "@/lib/ops/metrics";
import { pruneObservations } from "@/lib/discovery/service";
import { refreshFigures } from "./figures-store";
import { hasSnapshotFor, takeDailySnapshot } from "./snapshots";

/** First run shortly after start-up (never blocking it), then hourly: the day's run happens once. */
const FIRST_RUN_DELAY_MS = 30_000;
const CHECK_INTERVAL_MS = 60 * 60 * 1000;

let started = false;

async function runOnce(): Promise<void> {
  try {
    if (await hasSnapshotFor()) return;
    const run = await takeDailySnapshot();
    countSnapshotRun(run.skipped ? "skipped" : "written");
    if (!run.skipped && run.written > 0) log.info({ takenOn: run.takenOn, indicators: run.written }, "daily snapshot taken");
    // The instance that took the day's snapshot also prunes observed traffic past its retention.
    if (!run.skipped) await pruneObservedTraffic();
    // The dashboards' stored figures are refreshed on the first view after a write; refreshing them here
    // as well means the morning's first view does not pay for the night's imports.
    await refreshFigures();
  } catch (error) {
    // A failed run is retried at the next check; the app keeps serving.
    countSnapshotRun("failed");
    log.error({ err: error }, "daily snapshot failed");
  }
}

async function pruneObservedTraffic(): Promise<void> {
  try {
    const pruned = await pruneObservations();
    if (pruned.observations + pruned.abandoned > 0) log.info(pruned, "observed traffic past retention pruned");
  } catch (error) {
    log.error({ err: error }, "pruning observed traffic failed");
  }
}

/**
 * Starts the daily indicator snapshot inside this app process. Idempotent per process. Registered
 * as a background job: stopping it cancels the timers and waits for a run in progress.
 */
export function startSnapshotScheduler(): void {
  if (started || getEnv().CONCORD_SNAPSHOTS === "off") return;
  started = true;
  let running: Promise<void> = Promise.resolve();
  let interval: NodeJS.Timeout | undefined;
  const tick = () => {
    running = runOnce();
  };
  const first = setTimeout(() => {
    tick();
    interval = setInterval(tick, CHECK_INTERVAL_MS).unref();
  }, FIRST_RUN_DELAY_MS).unref();
  registerBackgroundJob("daily-snapshot", async () => {
    clearTimeout(first);
    clearInterval(interval);
    await running;
  });
}
