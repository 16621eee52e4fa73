import { AsyncLocalStorage } from "node:async_hooks";
import pino, { type Logger } from "pino";
import pretty from "pino-pretty";

/** What every log line written while serving a request carries. */
export type TRequestLogFields = { requestId: string; route: string; actorId?: string | null };

const requestFields = new AsyncLocalStorage<TRequestLogFields>();

/** Runs `task` so that every log line it writes (however deep) names the request, route and actor. */
export function withRequestLog<T>(fields: TRequestLogFields, task: () => T): T {
  return requestFields.run(fields, task);
}

/** Adds the actor once authentication has found them. */
export function setRequestActor(actorId: string | null): void {
  const store = requestFields.getStore();
  if (store) store.actorId = actorId;
}

function level(): string {
  // Read directly, not through getEnv(): logging must work while the configuration itself is being reported as invalid.
  const configured = process.env.LOG_LEVEL;
  return configured && ["fatal", "error", "warn", "info", "debug", "trace", "silent"].includes(configured) ? configured : "info";
}

function createLogger(): Logger {
  const options: pino.LoggerOptions = {
    level: level(),
    base: { service: "concord" },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: () => ({ ...requestFields.getStore() }),
    // Errors as structured fields (type, message, stack) rather than "[object Object]".
    serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
  };
  // JSON lines in production (for the log pipeline); readable colored lines while developing.
  if (process.env.NODE_ENV === "development") return pino(options, pretty({ colorize: true, sync: true }));
  return pino(options);
}

const globalForLog = globalThis as unknown as { concordLogger?: Logger };

/** The process's logger. `log.error({ err }, "what failed")`: the object first, then the message. */
export const log: Logger = (globalForLog.concordLogger ??= createLogger());
