/**
 * Map read speed: generates a surface with a 1,000-node / 2,000-edge map, then calls the real route
 * handler of `GET /api/v1/surfaces/{id}/map` in this process (API-token auth, the service, JSON
 * encoding of the ~1 MiB body) and prints p50/p95 for:
 * - cold reads: the map changed before every read, so nothing is served from the version cache;
 * - a workshop room: 10 people reading the current map at once, repeatedly;
 * - a live workshop: 10 readers while someone edits the map every 100 ms;
 * - beside the cold read, in the same run, the raw SQL that reads the same rows as JSON text (one
 *   statement, json_agg of the map's node and edge rows), and the ratio of the two (goal ≤ 1.5×).
 * Uses DATABASE_URL when set (use a throw-away database), otherwise an embedded database under
 * .data/bench. Prints figures; asserts nothing.
 *
 *   DATABASE_URL=postgresql://… npm run bench:maps-api
 */
import crypto from "node:crypto";
import { performance } from "node:perf_hooks";
import { NextRequest } from "next/server";

process.env.CONCORD_DATA_DIR ??= ".data/bench";
process.env.CONCORD_ENV ??= "test";
process.env.AUTH_SECRET ??= "bench-only-secret-bench-only-secret-0123456";
// Generating a large map is one long transaction; on a busy machine it outlasts the serving timeout.
process.env.DATABASE_STATEMENT_TIMEOUT_MS ??= "600000";

const { db, closeDatabase, getDatabase } = await import("@/lib/db");
const { applyMigrations } = await import("@/lib/db/migrations");
const { hashApiToken } = await import("@/lib/auth/sessions");
const { applyMapOperations } = await import("@/lib/maps/service");
const { forgetSnapshots } = await import("@/lib/maps/snapshots");
const { GET } = await import("@/app/api/v1/surfaces/[id]/map/route");
const { createBenchMap, ms, percentile } = await import("./maps-fixture");

const NODES = Number(process.env.BENCH_NODES ?? 1000);
const EDGES = Number(process.env.BENCH_EDGES ?? 2000);
const READERS = 10;

await applyMigrations(getDatabase().opened.factory);
const started = performance.now();
const surfaceId = await createBenchMap(NODES, EDGES);
console.log(`Generated a ${NODES}-node / ${EDGES}-edge map in ${ms(performance.now() - started)}`);
await db.$executeRawUnsafe('ANALYZE "FlowNode", "FlowEdge", "FlowMap", "MapEvent"');

const reader = await db.user.upsert({
  where: { email: "bench-map-reader@bench.example" },
  create: { email: "bench-map-reader@bench.example", name: "Bench reader", team: "SECOPS", roles: ["VIEWER"] },
  update: {},
});
const token = crypto.randomBytes(24).toString("base64url");
await db.apiToken.create({
  data: { name: "bench-maps", tokenHash: hashApiToken(token), userId: reader.id, createdById: reader.id, scopes: [] },
});

let bytes = 0;
async function read(): Promise<number> {
  const request = new NextRequest(`http://bench.local/api/v1/surfaces/${surfaceId}/map`, { headers: { authorization: `Bearer ${token}` } });
  const start = performance.now();
  const response = await GET(request, { params: Promise.resolve({ id: surfaceId }) });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`The map read answered ${response.status}: ${body.slice(0, 200)}`);
  bytes = body.length;
  return performance.now() - start;
}

const editorUser = await db.user.upsert({
  where: { email: "bench-map-editor@bench.example" },
  create: { email: "bench-map-editor@bench.example", name: "Bench editor", team: "NETOPS", roles: ["CONTRIBUTOR"] },
  update: {},
});
const editor = {
  actor: { id: editorUser.id, email: editorUser.email, name: editorUser.name, team: editorUser.team, roles: editorUser.roles },
  requestId: "bench-maps",
};
const moved = (await db.flowNode.findFirstOrThrow({ where: { map: { surfaceId } }, select: { id: true } })).id;
async function edit(step: number): Promise<void> {
  const node = await db.flowNode.findUniqueOrThrow({ where: { id: moved }, select: { version: true } });
  await applyMapOperations(editor, surfaceId, [{ op: "updateNode", id: moved, version: node.version, patch: { x: step * 10 } }], "move");
}

function report(label: string, timings: number[]): void {
  console.log(
    `  ${label}: p50 ${ms(percentile(timings, 50))} · p95 ${ms(percentile(timings, 95))} · max ${ms(Math.max(...timings))} over ${timings.length} reads`,
  );
}

for (let warm = 0; warm < 3; warm += 1) await read();
console.log(
  `GET /api/v1/surfaces/{id}/map, ${process.env.DATABASE_URL ? "Postgres (DATABASE_URL)" : "embedded PGlite"}, route handler in-process, ${(bytes / 1024).toFixed(0)} KiB (target p95 ≤ 150 ms)`,
);

const cold: number[] = [];
for (let run = 0; run < 40; run += 1) {
  forgetSnapshots();
  cold.push(await read());
}
report("cold, one reader (nothing cached)", cold);

/** The floor: Postgres itself encoding the same rows as JSON, sent over the same connection pool. */
const mapId = (await db.flowMap.findUniqueOrThrow({ where: { surfaceId }, select: { id: true } })).id;
async function rawRead(): Promise<number> {
  const start = performance.now();
  const [row] = await db.$queryRaw<Array<{ json: string }>>`
    SELECT json_build_object(
      'nodes', (SELECT json_agg(n ORDER BY n."createdAt") FROM "FlowNode" n WHERE n."mapId" = ${mapId}::uuid),
      'edges', (SELECT json_agg(e ORDER BY e."createdAt") FROM "FlowEdge" e WHERE e."mapId" = ${mapId}::uuid)
    )::text AS json`;
  if (!row || row.json.length < 1000) throw new Error("The raw read returned no map.");
  return performance.now() - start;
}
for (let warm = 0; warm < 3; warm += 1) await rawRead();
// Interleaved, so both see the same machine load.
const raw: number[] = [];
const api: number[] = [];
for (let run = 0; run < 40; run += 1) {
  raw.push(await rawRead());
  forgetSnapshots();
  api.push(await read());
}
report("raw SQL, rows as JSON (json_agg)", raw);
report("API read, cold, interleaved with it", api);
console.log(
  `  ratio API ÷ raw SQL: p50 ${(percentile(api, 50) / percentile(raw, 50)).toFixed(2)}× · p95 ${(percentile(api, 95) / percentile(raw, 95)).toFixed(2)}× (goal ≤ 1.5×)`,
);

const room: number[] = [];
await Promise.all(
  Array.from({ length: READERS }, async () => {
    for (let run = 0; run < 10; run += 1) room.push(await read());
  }),
);
report(`${READERS} readers at once, map unchanged`, room);

const live: number[] = [];
let editing = true;
const edits = (async () => {
  for (let step = 0; editing; step += 1) {
    await edit(step);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
})();
await Promise.all(
  Array.from({ length: READERS }, async () => {
    for (let run = 0; run < 10; run += 1) live.push(await read());
  }),
);
editing = false;
await edits;
report(`${READERS} readers at once while the map is edited every 100 ms`, live);

await db.apiToken.deleteMany({ where: { name: "bench-maps", userId: reader.id } });
await closeDatabase();
