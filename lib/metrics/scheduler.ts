import { getEnv } from "@/lib/env";
import { hasSnapshotFor, takeDailySnapshot } from "./snapshots";

/** First run shortly after start-up (never blocking it), then hourly: the day's run happens once. */
const FIRST_RUN_DELAY_MS = 30_000;
const CHECK_INTERVAL_MS = 60 * 60 * 1000;

let started = false;

async function runOnce(): Promise<void> {
  try {
    if (await hasSnapshotFor()) return;
    const run = await takeDailySnapshot();
    if (!run.skipped && run.written > 0) console.info(`[metrics] snapshot for ${run.takenOn}: ${run.written} indicators`);
  } catch (error) {
    // A failed run is retried at the next check; the app keeps serving.
    console.error("[metrics] snapshot failed", error);
  }
}

/** Starts the daily indicator snapshot inside this app process. Idempotent per process. */
export function startSnapshotScheduler(): void {
  if (started || getEnv().CONCORD_SNAPSHOTS === "off") return;
  started = true;
  setTimeout(() => {
    void runOnce();
    setInterval(() => void runOnce(), CHECK_INTERVAL_MS).unref();
  }, FIRST_RUN_DELAY_MS).unref();
}
