import "server-only";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { getDatabase } from "./client";

/**
 * A connection for bulk loads, beside the Prisma client: Postgres gets `COPY … FROM STDIN` on a
 * connection of its own (pg-copy-streams); embedded PGlite gets `COPY … FROM '/dev/blob'`, its
 * fastest way in. Only the staging tables of bulk imports are written through it: everything that
 * must be audited goes through Prisma.
 */
export type TBulkConnection = {
  kind: "postgres" | "pglite";
  /** Loads COPY text-format rows (tab-separated, `\N` for null) into the named columns of a table. */
  copyIn: (table: string, columns: readonly string[], text: string) => Promise<void>;
  query: (sql: string, params: unknown[]) => Promise<void>;
  close: () => Promise<void>;
};

function copyStatement(table: string, columns: readonly string[], source: string): string {
  return `COPY "${table}" (${columns.map((column) => `"${column}"`).join(", ")}) FROM ${source}`;
}

export async function openBulkConnection(): Promise<TBulkConnection> {
  const { opened } = getDatabase();
  if (opened.pglite) {
    const pglite = opened.pglite;
    return {
      kind: "pglite",
      copyIn: async (table, columns, text) => {
        await pglite.query(copyStatement(table, columns, "'/dev/blob'"), [], { blob: new Blob([text]) });
      },
      query: async (sql, params) => {
        await pglite.query(sql, params);
      },
      close: async () => undefined,
    };
  }
  if (opened.target.kind !== "postgres") throw new Error("No database to load into.");
  const client = new pg.Client({ connectionString: opened.target.url, application_name: "concord-bulk-import" });
  await client.connect();
  return {
    kind: "postgres",
    copyIn: async (table, columns, text) => {
      await pipeline(Readable.from([text]), client.query(copyFrom(copyStatement(table, columns, "STDIN"))));
    },
    query: async (sql, params) => {
      await client.query(sql, params);
    },
    close: () => client.end(),
  };
}

/** A value in COPY's text format: backslash, tab, newline and carriage return escaped. */
export function copyValue(value: string | number | null): string {
  if (value === null) return "\\N";
  if (typeof value === "number") return String(value);
  return value.replace(/[\\\t\n\r]/g, (character) =>
    character === "\\" ? "\\\\" : character === "\t" ? "\\t" : character === "\n" ? "\\n" : "\\r",
  );
}
