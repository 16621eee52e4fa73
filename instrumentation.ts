/** Next.js calls this once per server process at start-up. */
export async function register(): Promise<void> {
  // The background jobs need Node (database drivers, timers); the edge runtime never runs them.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Fail at start, with the list of wrong values, rather than on the first request.
  const { getEnv } = await import("./lib/env");
  const env = getEnv();
  // Before the first request: the login limits key on the socket's address.
  const { installPeerAddressHeader } = await import("./lib/net/peer-header");
  installPeerAddressHeader();
  // The embedded database is opened (and its folder locked) now: a second server on the same folder stops here.
  if (!env.DATABASE_URL && process.env.NEXT_PHASE !== "phase-production-build") {
    const { getDatabase } = await import("./lib/db");
    getDatabase();
  }
  const { startSnapshotScheduler } = await import("./lib/metrics/scheduler");
  startSnapshotScheduler();
  // Dashboard figures: while writes keep coming, views read the last ones and one refresh runs behind them.
  const { startFiguresRefresher } = await import("./lib/metrics/figures-store");
  startFiguresRefresher();
  const { startCheckpointScheduler } = await import("./lib/audit/checkpoint-scheduler");
  startCheckpointScheduler();
  // Webhook deliveries from the outbox; each message is leased per attempt, so every instance may run a worker.
  const { startOutboxWorker, stopOutboxWorker } = await import("./lib/outbox/worker");
  const { registerBackgroundJob } = await import("./lib/ops/jobs");
  startOutboxWorker();
  registerBackgroundJob("outbox-delivery", stopOutboxWorker);
  // In production (next start): SIGTERM drains and exits 0 instead of waiting on open live streams forever.
  if (process.env.NODE_ENV === "production") {
    const { installGracefulShutdown } = await import("./lib/ops/shutdown");
    installGracefulShutdown();
  }
}
