/**
 * Discovery at scale. Prints figures; asserts nothing.
 *  1. 1,000,000 AWS VPC flow log v2 lines imported into Postgres (the import in a child process, so
 *     its peak RSS is its own), against `psql \copy` of the same file into an equivalent raw table.
 *  2. The same file into embedded PGlite (in memory).
 *  3. The reconciliation overlay of a 1,000-node map over 1,000,000 aggregated observations
 *     (33,334 connection kinds × 30 days): p50/p95/max server time.
 *
 *   DATABASE_URL=postgresql://…/concord_bench npx tsx bench/discovery.ts [lines]
 *   DATABASE_URL=… npx tsx bench/discovery.ts --overlay-only   # the overlay again, on the data of an earlier run
 */
import { execFileSync, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

process.env.CONCORD_ENV ??= "test";
process.env.AUTH_SECRET ??= "bench-only-secret-bench-only-secret-0123456";
// Generating a million observations is one long statement.
process.env.DATABASE_STATEMENT_TIMEOUT_MS ??= "600000";

const DAY_S = 86_400;
const mode = process.argv[2];

/** A child process: imports the file and prints its own figures as JSON. */
async function childImport(file: string): Promise<void> {
  if (!process.env.DATABASE_URL) process.env.CONCORD_DATA_DIR = ":memory:";
  const { db, getDatabase, closeDatabase } = await import("@/lib/db");
  const { applyMigrations } = await import("@/lib/db/migrations");
  const { importFlowLog } = await import("@/lib/discovery/service");
  if (getDatabase().opened.target.kind === "pglite") await applyMigrations(getDatabase().opened.factory);
  const suffix = crypto.randomBytes(3).toString("hex");
  const user = await db.user.create({
    data: { email: `bench-discovery-${suffix}@bench.example`, name: "Bench importer", team: "NETOPS", roles: ["CONTRIBUTOR"] },
  });
  const surface = await db.protectSurface.create({
    data: { name: `Bench discovery ${suffix}`, classification: "INTERNAL", criticality: "LOW", contentHash: "bench", createdById: user.id },
  });
  const context = { actor: { id: user.id, email: user.email, name: user.name, team: user.team, roles: user.roles }, requestId: "bench" };
  const started = performance.now();
  const result = await importFlowLog(context, surface.id, { format: "vpc", source: "bench", strict: false }, fs.createReadStream(file));
  const seconds = (performance.now() - started) / 1000;
  const rows = await db.discoveryObservation.count({ where: { surfaceId: surface.id } });
  await closeDatabase();
  console.log(
    JSON.stringify({
      seconds,
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
      accepted: result.linesAccepted,
      rejected: result.linesRejected,
      observations: rows,
    }),
  );
}

/** 1,000,000 lines by default: 5,000 sources × 200 destinations × 8 ports over two days. */
function writeVpcFile(file: string, lines: number): void {
  const out = fs.openSync(file, "w");
  const start = Math.floor(Date.now() / 1000) - 2 * DAY_S;
  let chunk = "";
  for (let index = 0; index < lines; index += 1) {
    const source = `10.${(index >> 8) % 20}.${index % 250}.${(index * 7) % 250}`;
    const destination = `10.200.${(index * 13) % 200}.${(index * 3) % 250}`;
    const port = [443, 80, 5432, 6379, 22, 53, 8080, 9092][index % 8];
    const protocol = port === 53 ? 17 : 6;
    const time = start + Math.floor((index / lines) * 2 * DAY_S);
    const action = index % 17 === 0 ? "REJECT" : "ACCEPT";
    chunk += `2 123456789012 eni-0a1b2c3d4e5f ${source} ${destination} ${32768 + (index % 28000)} ${port} ${protocol} ${1 + (index % 40)} ${60 + (index % 9000)} ${time} ${time + 60} ${action} OK\n`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(out, chunk);
      chunk = "";
    }
  }
  fs.writeSync(out, chunk);
  fs.closeSync(out);
}

function psqlCopySeconds(url: string, file: string): number {
  const table = `bench_vpc_raw_${crypto.randomBytes(3).toString("hex")}`;
  execFileSync("psql", [
    url,
    "-qc",
    `CREATE TABLE ${table} (version int, account_id text, interface_id text, srcaddr inet, dstaddr inet, srcport int, dstport int, protocol int, packets bigint, bytes bigint, start_s bigint, end_s bigint, action text, log_status text)`,
  ]);
  const started = performance.now();
  execFileSync("psql", [url, "-qc", `\\copy ${table} FROM '${file}' WITH (FORMAT text, DELIMITER ' ')`]);
  const seconds = (performance.now() - started) / 1000;
  execFileSync("psql", [url, "-qc", `DROP TABLE ${table}`]);
  return seconds;
}

function runChild(
  file: string,
  env: NodeJS.ProcessEnv,
): { seconds: number; maxRssMiB: number; accepted: number; rejected: number; observations: number } {
  const child = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, "--child-import", file], {
    env,
    encoding: "utf8",
    maxBuffer: 1 << 24,
  });
  const line = child.stdout.trim().split("\n").pop() ?? "";
  if (child.status !== 0 || !line.startsWith("{")) throw new Error(`import child failed: ${child.stderr.slice(-2000)}`);
  return JSON.parse(line);
}

async function timeOverlay(surfaceId: string): Promise<void> {
  const { loadReconciliation } = await import("@/lib/discovery/reconciliation");
  const { db } = await import("@/lib/db");
  // The first read computes the overlay and stores it (as after an import, an undo or a map edit
  // that changes what resolves); the others read the stored row.
  await db.discoveryOverlay.deleteMany({ where: { surfaceId } });
  const timings: number[] = [];
  let ghosts = 0;
  let computedMs = 0;
  for (let run = 0; run < 21; run += 1) {
    const begin = performance.now();
    const result = await loadReconciliation(surfaceId);
    if (run > 0) timings.push(performance.now() - begin);
    else computedMs = performance.now() - begin;
    ghosts = result.ghosts.length + result.ghostsTruncated;
  }
  console.log(`overlay computed and stored (first read after a change): ${computedMs.toFixed(0)} ms`);
  timings.sort((a, b) => a - b);
  const at = (share: number) => timings[Math.min(timings.length - 1, Math.ceil(share * timings.length) - 1)]!.toFixed(0);
  console.log(
    `overlay served stored (loadReconciliation, ${timings.length} runs): p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms; ${ghosts} ghost edges`,
  );
}

async function overlayBench(): Promise<void> {
  const { db, closeDatabase, getDatabase } = await import("@/lib/db");
  const { applyMigrations } = await import("@/lib/db/migrations");
  if (getDatabase().opened.target.kind === "pglite") await applyMigrations(getDatabase().opened.factory);
  const NODES = 1000;
  const PAIRS = 33_334;
  const DAYS = 30;
  const suffix = crypto.randomBytes(3).toString("hex");
  const user = await db.user.create({
    data: { email: `bench-overlay-${suffix}@bench.example`, name: "Bench", team: "NETOPS", roles: ["CONTRIBUTOR"] },
  });
  const surface = await db.protectSurface.create({
    data: { name: `Bench overlay ${suffix}`, classification: "INTERNAL", criticality: "LOW", contentHash: "bench", createdById: user.id },
  });
  const map = await db.flowMap.create({ data: { surfaceId: surface.id } });
  const nodeIds = Array.from({ length: NODES }, () => crypto.randomUUID());
  await db.flowNode.createMany({
    data: nodeIds.map((id, index) => ({
      id,
      mapId: map.id,
      kind: "WORKLOAD" as const,
      label: `n${index}`,
      addresses: [`10.${Math.floor(index / 250)}.${index % 250}.0/24`],
    })),
  });
  await db.flowEdge.createMany({
    data: Array.from({ length: 2000 }, (_, index) => ({
      mapId: map.id,
      sourceId: nodeIds[index % NODES]!,
      targetId: nodeIds[(index * 7 + 13) % NODES]!,
      protocol: "TCP" as const,
      ports: String(1000 + (index % 40)),
      status: "APPROVED" as const,
    })),
  });
  const started = performance.now();
  // Observations straight in SQL: pair i from node i%1000 to node (7i+13)%1000, one row per day.
  await db.$executeRawUnsafe(
    `INSERT INTO "DiscoveryObservation" ("surfaceId", "sourceKey", "destinationKey", "protocol", "destinationPort", "day", "connections", "bytes", "packets", "allowed", "denied", "dropReasons", "firstSeen", "lastSeen")
     SELECT $1::uuid, 'ip:10.' || ((i % 1000) / 250) || '.' || ((i % 1000) % 250) || '.' || (1 + i % 200),
            'ip:10.' || (((i * 7 + 13) % 1000) / 250) || '.' || (((i * 7 + 13) % 1000) % 250) || '.9',
            'TCP', 1000 + (i / 1000) % 60, current_date - d, 10, 1000, 20, CASE WHEN i % 11 = 0 THEN 0 ELSE 10 END, CASE WHEN i % 11 = 0 THEN 10 ELSE 0 END,
            CASE WHEN i % 11 = 0 THEN '{"POLICY_DENIED": 10}'::jsonb ELSE '{}'::jsonb END, (current_date - d)::timestamptz, (current_date - d)::timestamptz + interval '1 hour'
     FROM generate_series(0, ${PAIRS - 1}) AS i, generate_series(0, ${DAYS - 1}) AS d`,
    surface.id,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "DiscoveryPair" ("surfaceId", "sourceKey", "destinationKey", "protocol", "destinationPort", "connections", "bytes", "packets", "allowed", "denied", "dropReasons", "firstSeen", "lastSeen")
     SELECT "surfaceId", "sourceKey", "destinationKey", "protocol", "destinationPort", sum("connections"), sum("bytes"), sum("packets"), sum("allowed"), sum("denied"),
            discovery_sum_reasons("dropReasons"), min("firstSeen"), max("lastSeen")
     FROM "DiscoveryObservation" WHERE "surfaceId" = $1::uuid GROUP BY 1, 2, 3, 4, 5`,
    surface.id,
  );
  const observations = await db.discoveryObservation.count({ where: { surfaceId: surface.id } });
  console.log(
    `overlay data: ${NODES} nodes, 2000 drawn flows, ${observations.toLocaleString("en")} observations (${PAIRS} connection kinds × ${DAYS} days), generated in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  await timeOverlay(surface.id);
  await closeDatabase();
}

if (mode === "--child-import") {
  await childImport(process.argv[3]!);
} else if (mode === "--overlay-only") {
  // Times the overlay again on the data an earlier run generated (the newest bench surface).
  const { db, closeDatabase } = await import("@/lib/db");
  const surface = await db.protectSurface.findFirst({
    where: { name: { startsWith: "Bench overlay" } },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  if (!surface) throw new Error("No overlay data yet: run the whole bench once.");
  await timeOverlay(surface.id);
  await closeDatabase();
} else {
  const lines = Number(mode ?? 1_000_000);
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Set DATABASE_URL to a throw-away Postgres database (migrated: npm run db:migrate).");
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "concord-discovery-")), "vpc-v2.log");
  writeVpcFile(file, lines);
  console.log(`file: ${lines.toLocaleString("en")} VPC v2 lines, ${(fs.statSync(file).size / 1024 / 1024).toFixed(1)} MiB`);
  const copySeconds = psqlCopySeconds(url, file);
  console.log(`psql \\copy into a raw table: ${copySeconds.toFixed(2)} s`);
  const postgres = runChild(file, { ...process.env });
  console.log(
    `Postgres import: ${postgres.seconds.toFixed(2)} s (${(postgres.seconds / copySeconds).toFixed(2)}× psql \\copy; goal ≤ 2×), ` +
      `peak RSS ${postgres.maxRssMiB.toFixed(0)} MiB (goal ≤ 512), ${postgres.accepted.toLocaleString("en")} accepted, ${postgres.rejected} rejected, ${postgres.observations.toLocaleString("en")} observation rows`,
  );
  const embedded = runChild(file, { ...process.env, DATABASE_URL: "", CONCORD_DATA_DIR: ":memory:" });
  console.log(
    `PGlite (in memory) import: ${embedded.seconds.toFixed(2)} s, peak RSS ${embedded.maxRssMiB.toFixed(0)} MiB, ${embedded.observations.toLocaleString("en")} observation rows`,
  );
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  await overlayBench();
}
