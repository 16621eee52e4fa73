import { getEnv } from "@/lib/env";
import { databaseTarget, describeTarget } from "@/lib/db/adapter";
import { restoreDatabase } from "@/lib/db/backup";
import { runCli } from "./run";

/**
 * `npm run db:restore -- <file> [--replace]`: restores a backup made by db:backup, then verifies the
 * audit chain of what was restored; exits 1 if the chain is broken.
 */
await runCli(async () => {
  const args = process.argv.slice(2);
  const file = args.find((arg) => !arg.startsWith("--"));
  if (!file) {
    console.error("Usage: npm run db:restore -- <backup file> [--replace]");
    process.exit(2);
  }
  const env = getEnv();
  const target = databaseTarget(env.DATABASE_URL, env.dataDir);
  const result = await restoreDatabase(target, file, { replace: args.includes("--replace") });
  console.log(`Restored ${file} into ${describeTarget(target)}.`);
  if (result.keptAside) console.log(`The previous data folder is kept at ${result.keptAside}.`);
  if (result.firstBreak) {
    console.error(
      `Audit chain BROKEN at event ${result.firstBreak.id} (${result.firstBreak.reason.replace(/_/g, " ")}); ${result.checked} event(s) before it verified.`,
    );
    process.exit(1);
  }
  console.log(`Audit chain intact: ${result.checked} event(s) verified.`);
});
