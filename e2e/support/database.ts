import { execFileSync } from "node:child_process";

const LOCAL_DATABASE = "concord_e2e";

/**
 * The end-to-end fixtures write straight into the server's database, which the embedded
 * database (one process per data folder) cannot share. Without DATABASE_URL the tests use the
 * machine's local PostgreSQL (as CI and the development machines have), creating their database
 * once; without either, they stop with a message saying what to set.
 */
export function localDatabaseUrl(): string {
  const psql = (sql: string) =>
    execFileSync("psql", ["-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-qAtc", sql], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
  try {
    if (psql(`SELECT 1 FROM pg_database WHERE datname = '${LOCAL_DATABASE}'`).trim() !== "1") psql(`CREATE DATABASE "${LOCAL_DATABASE}"`);
  } catch (error) {
    throw new Error(
      `The end-to-end tests need PostgreSQL: set DATABASE_URL, or run PostgreSQL on 127.0.0.1:5432 with the postgres role (${error instanceof Error ? error.message.split("\n")[0] : String(error)}).`,
    );
  }
  return `postgresql://postgres@127.0.0.1:5432/${LOCAL_DATABASE}`;
}
