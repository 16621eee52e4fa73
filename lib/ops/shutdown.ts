import { closeDatabase } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { stopBackgroundJobs } from "./jobs";
import { beginShutdown } from "./lifecycle";
import { log } from "./log";

/** Background jobs get this long to finish the unit of work they are in (one delivery, one snapshot). */
const JOB_STOP_MS = 10_000;

type TSignal = "SIGTERM" | "SIGINT";
type TSignalListener = (signal: TSignal) => void;

let installed = false;

/**
 * Graceful shutdown for `next start`. Next's own signal handler stops accepting connections and
 * waits for every open one to finish — forever while a live stream is open — then exits 143. This
 * takes that handler over: on SIGTERM (or SIGINT) the instance reports not ready, asks open streams to
 * reconnect elsewhere and closes them, lets Next drain in-flight requests for at most the grace period
 * (CONCORD_SHUTDOWN_GRACE_SECONDS), stops the background jobs, closes the database and exits 0.
 */
export function installGracefulShutdown(): void {
  if (installed) return;
  installed = true;
  const graceMs = getEnv().CONCORD_SHUTDOWN_GRACE_SECONDS * 1000;
  // Registered by next start before it runs instrumentation; ours replace them and call them in order.
  const nextListeners = new Map<TSignal, TSignalListener[]>();
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    nextListeners.set(signal, process.listeners(signal) as TSignalListener[]);
    process.removeAllListeners(signal);
  }
  let shuttingDown = false;
  const shutdown = (signal: TSignal) => {
    if (shuttingDown) return;
    shuttingDown = true;
    void drainAndExit(signal, nextListeners.get(signal) ?? [], graceMs);
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

async function drainAndExit(signal: TSignal, nextListeners: TSignalListener[], graceMs: number): Promise<void> {
  log.info({ signal, graceSeconds: graceMs / 1000 }, "shutting down: not ready, closing live streams, draining requests");
  beginShutdown();
  const exit = process.exit.bind(process);
  // Next's handler ends with process.exit(143) once its server is drained: that call now only says "drained".
  const drained = new Promise<"drained">((resolve) => {
    process.exit = (() => resolve("drained")) as typeof process.exit;
    for (const listener of nextListeners) listener(signal);
    // No server handler of Next's at all (NEXT_MANUAL_SIG_HANDLE): nothing to drain through.
    if (nextListeners.length === 0 && process.listenerCount(signal) <= 1) resolve("drained");
  });
  let graceTimer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    drained,
    new Promise<"grace over">((resolve) => (graceTimer = setTimeout(() => resolve("grace over"), graceMs))),
  ]);
  clearTimeout(graceTimer);
  if (outcome === "grace over") log.warn({ graceSeconds: graceMs / 1000 }, "grace period over with requests still open; stopping anyway");
  const late = await stopBackgroundJobs(JOB_STOP_MS);
  if (late.length > 0) log.warn({ jobs: late }, "background jobs did not stop in time");
  await closeDatabase().catch((error: unknown) => log.error({ err: error }, "closing the database failed"));
  log.info("shutdown complete");
  log.flush();
  exit(0);
}
