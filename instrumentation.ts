/** Next.js calls this once per server process at start-up. */
export async function register(): Promise<void> {
  // The snapshot job needs Node (database drivers, timers); the edge runtime never runs it.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Fail at start, with the list of wrong values, rather than on the first request.
  const { getEnv } = await import("./lib/env");
  getEnv();
  const { startSnapshotScheduler } = await import("./lib/metrics/scheduler");
  startSnapshotScheduler();
  const { startCheckpointScheduler } = await import("./lib/audit/checkpoint-scheduler");
  startCheckpointScheduler();
  // Webhook deliveries from the outbox; claims are leased, so every instance may run the loop.
  const { runOutboxLoop } = await import("./lib/outbox/deliver");
  void runOutboxLoop(new AbortController().signal);
}
