/** Next.js calls this once per server process at start-up. */
export async function register(): Promise<void> {
  // The snapshot job needs Node (database drivers, timers); the edge runtime never runs it.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Fail at start, with the list of wrong values, rather than on the first request.
  const { getEnv } = await import("./lib/env");
  getEnv();
  // Before the first request: the login limits key on the socket's address.
  const { installPeerAddressHeader } = await import("./lib/net/peer-header");
  installPeerAddressHeader();
  const { startSnapshotScheduler } = await import("./lib/metrics/scheduler");
  startSnapshotScheduler();
  // Webhook deliveries from the outbox; claims are leased, so every instance may run the loop.
  const { runOutboxLoop } = await import("./lib/outbox/deliver");
  void runOutboxLoop(new AbortController().signal);
}
