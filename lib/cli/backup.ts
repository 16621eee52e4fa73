import { getEnv } from "@/lib/env";
import { databaseTarget, describeTarget } from "@/lib/db/adapter";
import { backupDatabase, defaultBackupFile } from "@/lib/db/backup";
import { runCli } from "./run";

/** `npm run db:backup -- [file]`: pg_dump's custom format for Postgres, the gzipped data folder for the embedded database. */
await runCli(async () => {
  const env = getEnv();
  const target = databaseTarget(env.DATABASE_URL, env.dataDir);
  const file = process.argv[2] ?? defaultBackupFile(target);
  const bytes = await backupDatabase(target, file);
  console.log(`Backed up ${describeTarget(target)} to ${file} (${(bytes / 1024).toFixed(1)} KiB).`);
});
