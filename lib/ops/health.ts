import "server-only";
import crypto from "node:crypto";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError, NotFoundError, UnauthorizedError } from "@/lib/errors";
import { isShuttingDown } from "./lifecycle";
import { metrics } from "./metrics";

/** A readiness probe must answer quickly even when the database does not. */
const READINESS_DB_TIMEOUT_MS = 2_000;

export class NotReadyError extends AppError {
  constructor(reason: string) {
    super(503, "not_ready", reason);
  }
}

/** Ready = not shutting down and the database answers; otherwise 503 so the load balancer sends traffic elsewhere. */
export async function checkReadiness(): Promise<{ status: "ready"; database: "ok" }> {
  if (isShuttingDown()) throw new NotReadyError("This instance is shutting down.");
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new NotReadyError("The database did not answer in time.")), READINESS_DB_TIMEOUT_MS);
  });
  try {
    await Promise.race([db.$queryRaw`SELECT 1`, timeout]);
  } finally {
    clearTimeout(timer);
  }
  return { status: "ready", database: "ok" };
}

/**
 * The Prometheus exposition, for a scraper that presents METRICS_TOKEN as a bearer token. Without
 * METRICS_TOKEN configured the endpoint does not exist (404), so metrics are never public by accident.
 */
export async function readMetrics(authorization: string | null): Promise<Response> {
  const expected = getEnv().METRICS_TOKEN;
  if (!expected) throw new NotFoundError("The metrics endpoint");
  const presented = authorization?.toLowerCase().startsWith("bearer ") ? authorization.slice(7).trim() : "";
  const digest = (value: string) => crypto.createHash("sha256").update(value).digest();
  if (!crypto.timingSafeEqual(digest(presented), digest(expected))) throw new UnauthorizedError("A valid metrics token is required.");
  const { registry } = metrics();
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType, "cache-control": "no-store" } });
}
