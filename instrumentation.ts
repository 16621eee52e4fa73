/** Next.js calls this once per server process at start-up. */
export async function register(): Promise<void> {
  // The snapshot job needs Node (database drivers, timers); the edge runtime never runs it.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Fail at start, with the list of wrong values, rather than on the first request.
  const { getEnv } = await import("./lib/env");
  getEnv();
  const { startSnapshotScheduler } = await import("./lib/metrics/scheduler");
  startSnapshotScheduler();
  // Webhook deliveries from the outbox; each message is leased per attempt, so every instance may run a worker.
  const { startOutboxWorker } = await import("./lib/outbox/worker");
  startOutboxWorker();
}
