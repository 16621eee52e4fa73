import { getEnv } from "@/lib/env";
import { databaseTarget, describeTarget, openDatabase } from "@/lib/db/adapter";
import { applyMigrations } from "@/lib/db/migrations";
import { runCli } from "./run";

await runCli(async () => {
  const env = getEnv();
  const database = openDatabase(databaseTarget(env.DATABASE_URL, env.dataDir));
  try {
    const applied = await applyMigrations(database.factory);
    console.log(
      applied.length
        ? `Applied ${applied.length} migration(s) to ${describeTarget(database.target)}: ${applied.join(", ")}`
        : `${describeTarget(database.target)} is up to date.`,
    );
  } finally {
    await database.close();
  }
});
