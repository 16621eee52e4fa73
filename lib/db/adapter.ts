import path from "node:path";
import fs from "node:fs";
import { PrismaPg } from "@prisma/adapter-pg";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { log } from "@/lib/ops/log";
import { lockDataFolder } from "./folder-lock";

export type TDatabaseTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dir: string | null };

export type TOpenedDatabase = {
  target: TDatabaseTarget;
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** The embedded database, when that is the backend (LISTEN/NOTIFY and raw access need it). */
  pglite?: PGlite;
  close: () => Promise<void>;
};

/** `DATABASE_URL` selects Postgres; without it an embedded PGlite database lives in the data folder. */
/** A data folder of ":memory:" keeps the embedded database in memory (tests). */
export function databaseTarget(databaseUrl: string | undefined, dataDir: string): TDatabaseTarget {
  if (databaseUrl) return { kind: "postgres", url: databaseUrl };
  return { kind: "pglite", dir: path.basename(dataDir) === ":memory:" ? null : path.join(dataDir, "pglite") };
}

/** Limits that keep a request from hanging on an unreachable or frozen Postgres. */
export type TDatabaseTimeouts = { connectMs: number; statementMs: number };

/** The pool's limits: the server cancels a long statement; the client gives up on a server that no longer answers at all. */
export function postgresPoolOptions(timeouts: TDatabaseTimeouts | undefined) {
  if (!timeouts) return {};
  return {
    connectionTimeoutMillis: timeouts.connectMs,
    statement_timeout: timeouts.statementMs,
    idle_in_transaction_session_timeout: timeouts.statementMs,
    query_timeout: timeouts.statementMs + timeouts.connectMs,
  };
}

export function openDatabase(target: TDatabaseTarget, timeouts?: TDatabaseTimeouts): TOpenedDatabase {
  if (target.kind === "postgres") {
    return {
      target,
      factory: new PrismaPg({ connectionString: target.url, max: 10, ...postgresPoolOptions(timeouts) }),
      close: async () => {},
    };
  }
  if (target.dir) fs.mkdirSync(target.dir, { recursive: true });
  // One process per data folder: a second one is refused here, before it opens (and damages) it.
  const releaseFolder = target.dir ? lockDataFolder(target.dir, exitOnLostFolderLock) : () => undefined;
  const pglite = target.dir ? new PGlite(target.dir) : new PGlite();
  return {
    target,
    factory: new PrismaPGlite(pglite),
    pglite,
    close: async () => {
      try {
        await pglite.close();
      } finally {
        releaseFolder();
      }
    },
  };
}

/** Another process may now be writing the folder: stopping is the only way not to damage it. */
function exitOnLostFolderLock(error: Error): void {
  log.fatal({ err: error }, "lost the lock on the embedded database folder; stopping so that two processes never write it");
  process.exit(1);
}

export function describeTarget(target: TDatabaseTarget): string {
  if (target.kind === "pglite") return target.dir ? `embedded PGlite in ${target.dir}` : "embedded in-memory PGlite";
  const url = new URL(target.url);
  return `Postgres at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
