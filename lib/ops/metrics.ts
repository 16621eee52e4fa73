import "server-only";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { db } from "@/lib/db";
import { MAX_ATTEMPTS } from "@/lib/outbox/signing";

/**
 * The Prometheus metrics of this instance (served at /api/metrics behind METRICS_TOKEN). Kept on
 * globalThis so that a module evaluated twice (development reloads, separate route bundles) shares
 * one registry instead of failing to register a metric twice.
 */
type TMetrics = {
  registry: Registry;
  requestDuration: Histogram<"method" | "route" | "status">;
  openStreams: Gauge;
  snapshotRuns: Counter<"outcome">;
  figuresViews: Counter<"served">;
  figuresRefresh: Histogram;
};

function createMetrics(): TMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "concord_" });
  const requestDuration = new Histogram({
    name: "concord_http_request_duration_seconds",
    help: "API request latency by route (ids replaced by :id), method and status",
    labelNames: ["method", "route", "status"] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const openStreams = new Gauge({
    name: "concord_live_streams_open",
    help: "Live map streams (server-sent events) open on this instance",
    registers: [registry],
  });
  const snapshotRuns = new Counter({
    name: "concord_snapshot_runs_total",
    help: "Daily indicator snapshot runs of this instance by outcome (written, skipped: another instance or already done, failed)",
    labelNames: ["outcome"] as const,
    registers: [registry],
  });
  const figuresViews = new Counter({
    name: "concord_program_figures_reads_total",
    help: "Reads of the dashboards' program figures by how they were served (stored: current; stale: while a refresh runs; recomputed: the reader waited)",
    labelNames: ["served"] as const,
    registers: [registry],
  });
  const figuresRefresh = new Histogram({
    name: "concord_program_figures_refresh_seconds",
    help: "Time to recompute and store the program figures (reading every record they count)",
    buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  // Read from the database at scrape time: the outbox is shared by every instance.
  new Gauge({
    name: "concord_outbox_backlog",
    help: "Webhook messages not yet delivered that will still be attempted",
    registers: [registry],
    async collect() {
      this.set(await db.outboxMessage.count({ where: { deliveredAt: null, attempts: { lt: MAX_ATTEMPTS } } }));
    },
  });
  new Gauge({
    name: "concord_outbox_failing",
    help: "Webhook messages whose last attempt failed and that are waiting for a retry",
    registers: [registry],
    async collect() {
      this.set(
        await db.outboxMessage.count({ where: { deliveredAt: null, attempts: { gt: 0, lt: MAX_ATTEMPTS }, lastError: { not: null } } }),
      );
    },
  });
  new Gauge({
    name: "concord_outbox_failed",
    help: "Webhook messages given up after the last attempt (an operator must look)",
    registers: [registry],
    async collect() {
      this.set(await db.outboxMessage.count({ where: { deliveredAt: null, attempts: { gte: MAX_ATTEMPTS } } }));
    },
  });
  new Gauge({
    name: "concord_outbox_oldest_pending_seconds",
    help: "Age of the oldest webhook message still to be delivered (0 when none)",
    registers: [registry],
    async collect() {
      const oldest = await db.outboxMessage.findFirst({
        where: { deliveredAt: null, attempts: { lt: MAX_ATTEMPTS } },
        orderBy: { createdAt: "asc" },
        select: { createdAt: true },
      });
      this.set(oldest ? (Date.now() - oldest.createdAt.getTime()) / 1000 : 0);
    },
  });
  return { registry, requestDuration, openStreams, snapshotRuns, figuresViews, figuresRefresh };
}

const globalForMetrics = globalThis as unknown as { concordMetrics?: TMetrics };

export function metrics(): TMetrics {
  globalForMetrics.concordMetrics ??= createMetrics();
  return globalForMetrics.concordMetrics;
}

export function observeRequest(method: string, route: string, status: number, seconds: number): void {
  metrics().requestDuration.observe({ method, route, status: String(status) }, seconds);
}

/** Counts an open live stream; the returned function (safe to call twice) counts it closed. */
export function trackOpenStream(): () => void {
  metrics().openStreams.inc();
  let open = true;
  return () => {
    if (!open) return;
    open = false;
    metrics().openStreams.dec();
  };
}

export function countSnapshotRun(outcome: "written" | "skipped" | "failed"): void {
  metrics().snapshotRuns.inc({ outcome });
}

export type TFiguresServed = "stored" | "stale" | "recomputed";

export function countFiguresRead(served: TFiguresServed): void {
  metrics().figuresViews.inc({ served });
}

/** How many figure reads this process served that way (for tests). */
export async function figuresReads(served: TFiguresServed): Promise<number> {
  const { values } = await metrics().figuresViews.get();
  return values.find((value) => value.labels.served === served)?.value ?? 0;
}

/** Starts timing one refresh of the program figures; call the result when it ends. */
export function timeFiguresRefresh(): () => void {
  const end = metrics().figuresRefresh.startTimer();
  return () => void end();
}
