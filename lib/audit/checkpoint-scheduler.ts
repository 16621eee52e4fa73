import { getEnv } from "@/lib/env";
import { writeCheckpoint } from "./checkpoints";

/** First run shortly after start-up (never blocking it), then every AUDIT_CHECKPOINT_MINUTES. */
const FIRST_RUN_DELAY_MS = 45_000;

let started = false;

async function runOnce(): Promise<void> {
  try {
    const run = await writeCheckpoint("schedule", null);
    if (run.checkpoint)
      console.info(`[audit] checkpoint #${run.checkpoint.seq}: ${run.checkpoint.eventCount} events up to ${run.checkpoint.headId}`);
  } catch (error) {
    // A failed run is retried at the next tick; the app keeps serving.
    console.error("[audit] checkpoint failed", error);
  }
}

/**
 * Anchors the audit chain on a schedule inside this app process. Every instance may run it: a lock
 * admits one writer, and a chain that has not grown since the last checkpoint gets no new one.
 */
export function startCheckpointScheduler(): void {
  if (started) return;
  started = true;
  const interval = getEnv().AUDIT_CHECKPOINT_MINUTES * 60_000;
  setTimeout(() => {
    void runOnce();
    setInterval(() => void runOnce(), interval).unref();
  }, FIRST_RUN_DELAY_MS).unref();
}
