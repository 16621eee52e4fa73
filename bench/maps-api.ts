/**
 * Map read speed: generates a surface with a 1,000-node / 2,000-edge map, then reads it the way
 * `GET /api/v1/surfaces/{id}/map` does (service + JSON) and prints p50/p95. Uses DATABASE_URL when
 * set, otherwise an embedded database under .data/bench. Run: npx tsx bench/maps-api.ts
 */
import { closeDatabase, getDatabase } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations";
import { getMap } from "@/lib/maps/service";
import { createBenchMap, ms, percentile } from "./maps-fixture";

process.env.CONCORD_DATA_DIR ??= ".data/bench";
const NODES = Number(process.env.BENCH_NODES ?? 1000);
const EDGES = Number(process.env.BENCH_EDGES ?? 2000);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);

const { opened } = getDatabase();
await applyMigrations(opened.factory);
const started = performance.now();
const surfaceId = await createBenchMap(NODES, EDGES);
console.log(`Generated a ${NODES}-node / ${EDGES}-edge map in ${ms(performance.now() - started)}`);
const context = { actor: { id: "00000000-0000-4000-8000-000000000000", email: "bench@bench.example", name: "Bench", team: "NETOPS" as const, roles: ["VIEWER" as const] }, requestId: "bench" };
const timings: number[] = [];
let bytes = 0;
for (let run = 0; run < RUNS + 3; run += 1) {
  const start = performance.now();
  const map = await getMap(context, surfaceId);
  bytes = JSON.stringify(map).length;
  if (run >= 3) timings.push(performance.now() - start); // the first reads warm the caches
}
console.log(`Map read (service + JSON, ${(bytes / 1024).toFixed(0)} KiB): p50 ${ms(percentile(timings, 50))} · p95 ${ms(percentile(timings, 95))} · max ${ms(Math.max(...timings))} over ${RUNS} reads (target p95 ≤ 150 ms)`);
await closeDatabase();
