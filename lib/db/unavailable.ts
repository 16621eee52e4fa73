/**
 * Whether an error means the database could not be reached or did not answer in time — a condition
 * that passes (a restart, a failover, a freeze), so callers answer 503 and ask clients to retry,
 * never 500. Everything else (constraint violations, bad queries) is not an outage.
 */

/** Prisma's codes for "cannot reach / timed out / pool exhausted / transaction could not start or expired". */
const PRISMA_OUTAGE_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);

/** Driver-adapter error kinds (see @prisma/driver-adapter-utils) that describe the connection, not the query. */
const ADAPTER_OUTAGE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

/**
 * SQLSTATEs of a database that is going away, refusing connections or cancelling a statement that ran
 * past statement_timeout: class 08 (connection exception), 53300, 57014, 57P01-57P03, 25P03.
 */
function isOutageSqlState(code: unknown): boolean {
  return typeof code === "string" && (code.startsWith("08") || ["53300", "57014", "57P01", "57P02", "57P03", "25P03"].includes(code));
}

/** What node-postgres throws, without a code, when a connect or query outlives its client-side timeout or the socket drops. */
const PG_CLIENT_OUTAGE_MESSAGES = [
  /^Connection terminated/,
  /^Query read timeout$/,
  /^timeout exceeded when trying to connect$/,
  /^Client has encountered a connection error/,
];

type TLooseError = {
  code?: unknown;
  message?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: unknown; code?: unknown } } };
  cause?: unknown;
  name?: unknown;
};

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 3) return false;
  const loose = error as TLooseError;
  if (typeof loose.code === "string" && PRISMA_OUTAGE_CODES.has(loose.code)) return true;
  const adapterCause =
    loose.meta?.driverAdapterError?.cause ??
    (loose.name === "DriverAdapterError" ? (loose.cause as { kind?: unknown; code?: unknown } | undefined) : undefined);
  if (adapterCause) {
    if (typeof adapterCause.kind === "string" && ADAPTER_OUTAGE_KINDS.has(adapterCause.kind)) return true;
    if (adapterCause.kind === "postgres" && isOutageSqlState(adapterCause.code)) return true;
  }
  if (typeof loose.message === "string" && PG_CLIENT_OUTAGE_MESSAGES.some((pattern) => pattern.test(loose.message as string))) return true;
  return loose.cause !== undefined && isDatabaseUnavailable(loose.cause, depth + 1);
}
