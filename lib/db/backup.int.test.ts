import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit/record";
import { uniqueSuffix } from "@/lib/test/factories";
import { databaseTarget, openDatabase, type TDatabaseTarget } from "./adapter";
import { backupDatabase, restoreDatabase } from "./backup";
import { DataFolderLockedError } from "./folder-lock";
import { PrismaClient } from "./generated/client.ts";
import { applyMigrations } from "./migrations";
import { db } from "./index";

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "concord-backup-"));
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

/** Appends audit events (the chain the restore must verify) with a client of the given database. */
async function writeAuditEvents(client: PrismaClient | typeof db, marker: string, count: number): Promise<void> {
  for (let index = 0; index < count; index++) {
    await client.$transaction(
      (tx) =>
        recordAudit(
          tx,
          { actor: null, requestId: `backup-test-${marker}` },
          { action: "user.update", entityType: "Backup", entityId: `${marker}-${index}` },
        ),
      { maxWait: 30_000, timeout: 60_000 },
    );
  }
}

async function countMarked(target: TDatabaseTarget, marker: string): Promise<number> {
  const database = openDatabase(target);
  const prisma = new PrismaClient({ adapter: database.factory });
  try {
    return await prisma.auditEvent.count({ where: { requestId: `backup-test-${marker}` } });
  } finally {
    await prisma.$disconnect();
    await database.close();
  }
}

describe("backup and restore of the embedded database", () => {
  it("round-trips the data folder and verifies the restored audit chain; refuses to overwrite or to copy a folder in use", async () => {
    const source = databaseTarget(undefined, path.join(workDir, "source"));
    const marker = uniqueSuffix();
    const opened = openDatabase(source);
    await applyMigrations(opened.factory);
    const prisma = new PrismaClient({ adapter: opened.factory });
    await writeAuditEvents(prisma, marker, 3);
    // A folder in use by a server is never copied half-written.
    await expect(backupDatabase(source, path.join(workDir, "busy.tar.gz"))).rejects.toBeInstanceOf(DataFolderLockedError);
    await prisma.$disconnect();
    await opened.close();

    const file = path.join(workDir, "backups", "embedded.tar.gz");
    expect(await backupDatabase(source, file)).toBeGreaterThan(0);

    const restored = databaseTarget(undefined, path.join(workDir, "restored"));
    const result = await restoreDatabase(restored, file);
    expect(result.firstBreak).toBeNull();
    expect(result.checked).toBe(3);
    expect(await countMarked(restored, marker)).toBe(3);

    // A second restore over a database is refused unless asked to replace it (the old folder is kept).
    await expect(restoreDatabase(restored, file)).rejects.toThrow(/--replace/);
    const replaced = await restoreDatabase(restored, file, { replace: true });
    expect(replaced.keptAside).not.toBeNull();
    expect(fs.existsSync(replaced.keptAside!)).toBe(true);
    expect(replaced.checked).toBe(3);
  }, 600_000);
});

// The Postgres round trip needs a server: it runs where the integration tests run on Postgres (CI sets DATABASE_URL).
if (process.env.DATABASE_URL) {
  describe("backup and restore on Postgres", () => {
    it("round-trips with pg_dump's custom format into a fresh database and verifies the restored audit chain", async () => {
      const sourceUrl = process.env.DATABASE_URL!;
      const marker = uniqueSuffix();
      await writeAuditEvents(db, marker, 3);
      const file = path.join(workDir, "postgres.dump");
      expect(await backupDatabase(databaseTarget(sourceUrl, workDir), file)).toBeGreaterThan(0);

      const restoreName = `concord_restore_${marker}`;
      const restoreUrl = new URL(sourceUrl);
      restoreUrl.pathname = `/${restoreName}`;
      const admin = new pg.Client({ connectionString: sourceUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE "${restoreName}"`);
      try {
        const target = databaseTarget(restoreUrl.toString(), workDir);
        const result = await restoreDatabase(target, file);
        expect(result.firstBreak).toBeNull();
        expect(await countMarked(target, marker)).toBe(3);
        const restoredEvents = await (async () => {
          const client = new pg.Client({ connectionString: restoreUrl.toString() });
          await client.connect();
          try {
            return Number((await client.query<{ count: string }>(`SELECT count(*) FROM "AuditEvent"`)).rows[0]!.count);
          } finally {
            await client.end();
          }
        })();
        expect(result.checked).toBe(restoredEvents);
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS "${restoreName}" WITH (FORCE)`);
        await admin.end();
      }
    }, 240_000);
  });
}
