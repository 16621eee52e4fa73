import { getEnv } from "@/lib/env";
import { closeDatabase, db, getDatabase } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations";
import { describeTarget } from "@/lib/db/adapter";
import { hasDemoUsers, seedDemo } from "@/lib/seed";
import { formatDemoAccounts } from "@/lib/seed/users";
import { runCli } from "./run";

/**
 * What `npm start` runs before serving: validate the configuration, apply migrations, and on an
 * empty database (outside production) load the demo organization.
 */
await runCli(async () => {
  const env = getEnv();
  const { opened } = getDatabase();
  const applied = await applyMigrations(opened.factory);
  console.log(`Database: ${describeTarget(opened.target)}${applied.length ? ` (applied ${applied.join(", ")})` : ""}`);
  if (env.CONCORD_ENV !== "production" && (await db.user.count()) === 0) {
    console.log("Empty database: loading the demo organization…");
    await seedDemo();
  }
  const demo = await hasDemoUsers();
  await closeDatabase();
  console.log(`\nConcord will serve on ${env.appUrl}`);
  if (demo) console.log(formatDemoAccounts());
});
