/**
 * Takes today's indicator snapshot now, as the in-app job does:
 *   npx tsx lib/metrics/snapshot-cli.ts
 * Start two at once to see the one-writer lock: one writes, the other skips or writes nothing.
 */
import { closeDatabase } from "@/lib/db";
import { takeDailySnapshot } from "./snapshots";

const run = await takeDailySnapshot();
console.log(
  run.skipped
    ? `snapshot ${run.takenOn}: another instance holds the lock; skipped`
    : `snapshot ${run.takenOn}: ${run.written} indicators written`,
);
await closeDatabase();
