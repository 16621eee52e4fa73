import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { verifyAuditChain, type TVerifyResult } from "@/lib/audit/verify";
import { PrismaClient } from "./generated/client.ts";
import { openDatabase, type TDatabaseTarget } from "./adapter";
import { lockDataFolder } from "./folder-lock";

const run = promisify(execFile);

/** Postgres backups are pg_dump's custom format (compressed, restored selectively by pg_restore); embedded ones PGlite's gzipped data folder. */
export function backupExtension(target: TDatabaseTarget): string {
  return target.kind === "postgres" ? ".dump" : ".tar.gz";
}

export function defaultBackupFile(target: TDatabaseTarget, now = new Date()): string {
  return path.join("backups", `concord-${now.toISOString().replace(/[:.]/g, "-")}${backupExtension(target)}`);
}

/**
 * The connection URL without the parameters libpq does not know (Prisma's `schema`, `connection_limit`...),
 * which pg_dump and pg_restore would refuse.
 */
function libpqUrl(url: string): string {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema");
  for (const key of [...parsed.searchParams.keys()])
    if (!["sslmode", "sslcert", "sslkey", "sslrootcert", "application_name", "options"].includes(key)) parsed.searchParams.delete(key);
  if (schema && schema !== "public") throw new Error(`Backups cover the public schema; DATABASE_URL names schema ${schema}.`);
  return parsed.toString();
}

/** Writes a backup of the database to `file` (folders created) and returns its size in bytes. */
export async function backupDatabase(target: TDatabaseTarget, file: string): Promise<number> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  if (target.kind === "postgres") {
    await run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`, `--dbname=${libpqUrl(target.url)}`]);
  } else {
    if (!target.dir) throw new Error("An in-memory database has nothing to back up.");
    // Opening takes the folder lock: the backup of a folder a server is writing is refused, never torn.
    const database = openDatabase(target);
    try {
      // dumpDataDir does not wait for start-up itself: called on a just-opened instance it never settles.
      await database.pglite!.waitReady;
      const archive = await database.pglite!.dumpDataDir("gzip");
      fs.writeFileSync(file, Buffer.from(await archive.arrayBuffer()));
    } finally {
      await database.close();
    }
  }
  return fs.statSync(file).size;
}

/**
 * Restores a backup into the database, then verifies the restored audit chain. Postgres: pg_restore
 * in one transaction, replacing Concord's tables. Embedded: the data folder must be empty or absent
 * unless `replace` is set, in which case the current folder is kept beside it as `<folder>.before-restore-<time>`.
 */
export async function restoreDatabase(
  target: TDatabaseTarget,
  file: string,
  options: { replace?: boolean } = {},
): Promise<TVerifyResult & { keptAside: string | null }> {
  if (!fs.existsSync(file)) throw new Error(`No backup at ${file}.`);
  let keptAside: string | null = null;
  if (target.kind === "postgres") {
    await run("pg_restore", [
      "--clean",
      "--if-exists",
      "--no-owner",
      "--no-privileges",
      "--single-transaction",
      "--exit-on-error",
      `--dbname=${libpqUrl(target.url)}`,
      file,
    ]);
  } else {
    const dir = target.dir;
    if (!dir) throw new Error("An in-memory database cannot be restored into.");
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    // Held throughout, so no server opens the folder while it is being replaced.
    const release = lockDataFolder(dir, () => undefined);
    try {
      if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
        if (!options.replace) throw new Error(`${dir} already holds a database; pass --replace to keep it aside and restore over it.`);
        keptAside = `${dir}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
        fs.renameSync(dir, keptAside);
      }
      fs.mkdirSync(dir, { recursive: true });
      const pglite = new PGlite(dir, { loadDataDir: new Blob([fs.readFileSync(file)]) });
      await pglite.waitReady;
      await pglite.close();
    } finally {
      release();
    }
  }
  return { ...(await verifyRestored(target)), keptAside };
}

/** The audit chain of the restored database, checked with a client of its own. */
async function verifyRestored(target: TDatabaseTarget): Promise<TVerifyResult> {
  const database = openDatabase(target);
  const prisma = new PrismaClient({ adapter: database.factory });
  try {
    return await verifyAuditChain(prisma);
  } finally {
    await prisma.$disconnect();
    await database.close();
  }
}
