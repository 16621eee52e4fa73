import { databaseTarget, openDatabase } from "@/lib/db/adapter";
import { getEnv } from "@/lib/env";
import { runCli } from "@/lib/cli/run";

/**
 * A second process for the folder-lock tests: opens the embedded database of CONCORD_DATA_DIR,
 * says so with its pid, and keeps it open until it is killed.
 */
await runCli(async () => {
  const env = getEnv();
  const database = openDatabase(databaseTarget(undefined, env.dataDir));
  await database.pglite!.query("SELECT 1");
  console.log(`holding ${process.pid}`);
  setInterval(() => undefined, 60_000);
});
