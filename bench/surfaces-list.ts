/**
 * Benchmark of the surface list endpoint: p50/p95 latency with 5,000 surfaces and 50 concurrent
 * requests. Prints figures only (no assertions).
 *
 * It calls the real route handler of `GET /api/v1/surfaces` in this process (API-token auth, zod
 * parsing, the service and its count + page queries, JSON encoding), without an HTTP server, so the
 * figures measure Concord's own code and the database. With DATABASE_URL it uses that Postgres
 * (use a throw-away database); otherwise an embedded PGlite under `.data/bench` (one connection,
 * so concurrency there is serialized by the engine).
 *
 *   npm run bench:surfaces            # embedded database
 *   DATABASE_URL=postgresql://… npm run bench:surfaces
 */
import crypto from "node:crypto";
import { performance } from "node:perf_hooks";
import { NextRequest } from "next/server";

process.env.CONCORD_DATA_DIR ??= ".data/bench";
process.env.CONCORD_ENV ??= "test";
process.env.AUTH_SECRET ??= "bench-only-secret-bench-only-secret-0123456";
// A thousand calls by one token is more than a minute's budget; the bench measures the list, not the limit.
process.env.TOKEN_REQUESTS_PER_MINUTE ??= "100000";

const { db, closeDatabase, getDatabase } = await import("@/lib/db");
const { applyMigrations } = await import("@/lib/db/migrations");
const { hashApiToken } = await import("@/lib/auth/sessions");
const { GET } = await import("@/app/api/v1/surfaces/route");

const TARGET = 5_000;
const CONCURRENCY = 50;
const REQUESTS = 1_000;
const BENCH_TAG = "bench-surface";

const CLASSIFICATIONS = ["PUBLIC", "INTERNAL", "CONFIDENTIAL", "RESTRICTED"] as const;
const CRITICALITIES = ["LOW", "MEDIUM", "HIGH", "CRITICAL"] as const;
const STATUSES = ["DRAFT", "IN_REVIEW", "AGREED"] as const;

async function ensureUsers() {
  const make = async (team: "NETOPS" | "SECOPS") => {
    const email = `bench-${team.toLowerCase()}@bench.example`;
    return db.user.upsert({ where: { email }, create: { email, name: `Bench ${team}`, team, roles: ["CONTRIBUTOR"] }, update: {} });
  };
  return { netops: await make("NETOPS"), secops: await make("SECOPS") };
}

/** Generates the missing bench surfaces in bulk (raw rows: the bench measures reads, not writes). */
async function ensureSurfaces(netopsId: string, secopsId: string) {
  const existing = await db.protectSurface.count({ where: { tags: { has: BENCH_TAG } } });
  for (let start = existing; start < TARGET; start += 500) {
    const batch = Array.from({ length: Math.min(500, TARGET - start) }, (_, offset) => {
      const n = start + offset;
      return {
        id: crypto.randomUUID(),
        name: `Bench surface ${String(n).padStart(5, "0")}`,
        purpose: `Generated surface number ${n} for the list benchmark`,
        classification: CLASSIFICATIONS[n % 4]!,
        criticality: CRITICALITIES[(n >> 2) % 4]!,
        status: STATUSES[n % 3]!,
        netopsOwnerId: netopsId,
        secopsOwnerId: secopsId,
        tags: [BENCH_TAG, `group-${n % 20}`],
        contentHash: crypto.createHash("sha256").update(String(n)).digest("hex"),
        createdById: netopsId,
      };
    });
    await db.protectSurface.createMany({ data: batch });
    await db.daasElement.createMany({
      data: batch.flatMap((s) =>
        [0, 1].map((position) => ({
          surfaceId: s.id,
          type: "DATA" as const,
          name: `Element ${position}`,
          classification: s.classification,
          position,
        })),
      ),
    });
    await db.surfaceSignOff.createMany({
      data: batch
        .filter((s) => s.status !== "DRAFT")
        .map((s) => ({ surfaceId: s.id, version: 1, contentHash: s.contentHash, userId: secopsId, team: "SECOPS" as const })),
    });
  }
}

const QUERIES = [
  "page=1&pageSize=25",
  "page=40&pageSize=25&sort=name&order=asc",
  "status=IN_REVIEW&page=2",
  "classification=RESTRICTED&criticality=HIGH",
  "waiting=true",
  "q=surface%2001&sort=name&order=asc",
  "tag=group-7&sort=criticality",
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main() {
  await applyMigrations(getDatabase().opened.factory);
  const { netops, secops } = await ensureUsers();
  const seedStart = performance.now();
  await ensureSurfaces(netops.id, secops.id);
  // Fresh bulk rows have no planner statistics until autovacuum runs; gather them as it would.
  await db.$executeRawUnsafe('ANALYZE "ProtectSurface", "DaasElement", "SurfaceSignOff", "User"');
  const total = await db.protectSurface.count();
  console.log(
    `Database holds ${total} surfaces (${TARGET} generated for the bench; prepared in ${Math.round(performance.now() - seedStart)} ms)`,
  );

  const token = crypto.randomBytes(24).toString("base64url");
  await db.apiToken.create({
    data: { name: "bench", tokenHash: hashApiToken(token), userId: secops.id, createdById: secops.id, scopes: [] },
  });

  const call = async (query: string) => {
    const request = new NextRequest(`http://bench.local/api/v1/surfaces?${query}`, { headers: { authorization: `Bearer ${token}` } });
    const started = performance.now();
    const response = await GET(request, { params: Promise.resolve({}) });
    await response.text();
    if (response.status !== 200) throw new Error(`${query} answered ${response.status}`);
    return performance.now() - started;
  };

  for (const query of QUERIES) await call(query); // warm-up: connections, query plans

  const latencies: number[] = [];
  let next = 0;
  const wallStart = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS) {
        const index = next++;
        latencies.push(await call(QUERIES[index % QUERIES.length]!));
      }
    }),
  );
  const wall = performance.now() - wallStart;
  latencies.sort((a, b) => a - b);
  const db_kind = process.env.DATABASE_URL ? "Postgres (DATABASE_URL)" : "embedded PGlite";
  console.log(`GET /api/v1/surfaces — ${REQUESTS} requests, ${CONCURRENCY} concurrent, ${db_kind}, route handler in-process`);
  console.log(
    `  p50 ${percentile(latencies, 50).toFixed(1)} ms · p95 ${percentile(latencies, 95).toFixed(1)} ms · max ${latencies.at(-1)!.toFixed(1)} ms`,
  );
  console.log(`  throughput ${(REQUESTS / (wall / 1000)).toFixed(0)} requests/s`);
  await db.apiToken.deleteMany({ where: { name: "bench", userId: secops.id } });
  await closeDatabase();
}

await main();
