/** Next.js calls this once per server process at start-up. */
export async function register(): Promise<void> {
  // The snapshot job needs Node (database drivers, timers); the edge runtime never runs it.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startSnapshotScheduler } = await import("./lib/metrics/scheduler");
  startSnapshotScheduler();
}
