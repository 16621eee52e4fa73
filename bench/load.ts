/**
 * Mixed load on a production build: 50 signed-in clients at once (one API token each, as its
 * issuer) for a fixed time, each picking its next request from the mix below. Prints throughput,
 * p50/p95/p99 per route class, errors, and the server's peak resident memory (the whole process tree).
 * Asserts nothing.
 *
 *   npx next build                                         # once: the bench starts `next start` itself
 *   DATABASE_URL=postgresql://…/scratch npm run bench:dashboard   # optional: the 10,000-change scale data
 *   DATABASE_URL=postgresql://…/scratch npm run bench:load
 *
 * Needs a Postgres database (use a throw-away one: it adds users, tokens, changes and map edits) that
 * holds at least one surface with a flow map; without one it generates a few. BENCH_PORT (default 3140),
 * BENCH_CLIENTS (50) and BENCH_SECONDS (60) adjust the run. Only loopback addresses are contacted.
 */
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { performance } from "node:perf_hooks";

if (!process.env.DATABASE_URL) {
  console.error("bench:load needs DATABASE_URL (a throw-away Postgres database): the embedded database serves one connection at a time.");
  process.exit(2);
}
process.env.CONCORD_ENV ??= "test";
process.env.AUTH_SECRET ??= "bench-only-secret-bench-only-secret-0123456";

const PORT = Number(process.env.BENCH_PORT ?? 3140);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const BASE = `http://127.0.0.1:${PORT}`;

const { db, closeDatabase, getDatabase } = await import("@/lib/db");
const { applyMigrations } = await import("@/lib/db/migrations");
const { hashApiToken } = await import("@/lib/auth/sessions");
const { createBenchMap, percentile } = await import("./maps-fixture");

type TRouteClass = "list" | "map read" | "dashboard" | "change create" | "map edit";

/** The mix: mostly reads, as people use the console; a fifth of requests write. */
const MIX: Array<[TRouteClass, number]> = [
  ["list", 35],
  ["map read", 25],
  ["dashboard", 15],
  ["change create", 10],
  ["map edit", 15],
];

type TClient = { token: string; surfaceId: string; nodeId: string; nodeVersion: number };

async function prepare(): Promise<TClient[]> {
  await applyMigrations(getDatabase().opened.factory);
  let maps = await db.flowMap.findMany({
    where: { nodes: { some: { kind: { not: "ZONE" } } } },
    select: { id: true, surfaceId: true },
    take: 20,
  });
  if (maps.length === 0) {
    for (let index = 0; index < 5; index += 1) await createBenchMap(200, 400);
    maps = await db.flowMap.findMany({
      where: { nodes: { some: { kind: { not: "ZONE" } } } },
      select: { id: true, surfaceId: true },
      take: 20,
    });
  }
  const suffix = crypto.randomBytes(3).toString("hex");
  const clients: TClient[] = [];
  for (let index = 0; index < CLIENTS; index += 1) {
    const user = await db.user.create({
      data: {
        email: `bench-load-${suffix}-${index}@bench.example`,
        name: `Load ${index}`,
        team: index % 2 ? "SECOPS" : "NETOPS",
        roles: ["CONTRIBUTOR"],
      },
    });
    const token = crypto.randomBytes(24).toString("base64url");
    await db.apiToken.create({
      data: { name: `bench-load-${suffix}`, tokenHash: hashApiToken(token), userId: user.id, createdById: user.id, scopes: [] },
    });
    const map = maps[index % maps.length]!;
    // Each client moves its own node, so edits never conflict with each other's.
    const node = await db.flowNode.create({
      data: { mapId: map.id, kind: "WORKLOAD", label: `load ${suffix} ${index}`, x: index * 10, y: -200 },
    });
    clients.push({ token, surfaceId: map.surfaceId, nodeId: node.id, nodeVersion: node.version });
  }
  return clients;
}

function pickClass(): TRouteClass {
  let roll = Math.random() * MIX.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [name, weight] of MIX) {
    roll -= weight;
    if (roll < 0) return name;
  }
  return MIX[0]![0];
}

async function send(client: TClient, routeClass: TRouteClass): Promise<Response> {
  const headers = { authorization: `Bearer ${client.token}`, "content-type": "application/json" };
  const page = 1 + Math.floor(Math.random() * 5);
  switch (routeClass) {
    case "list":
      return fetch(Math.random() < 0.5 ? `${BASE}/api/v1/surfaces?page=${page}` : `${BASE}/api/v1/changes?page=${page}&pageSize=25`, {
        headers,
      });
    case "map read":
      return fetch(`${BASE}/api/v1/surfaces/${client.surfaceId}/map`, { headers });
    case "dashboard":
      return fetch(`${BASE}/api/v1/dashboard`, { headers });
    case "change create":
      return fetch(`${BASE}/api/v1/changes`, {
        method: "POST",
        headers,
        body: JSON.stringify({ title: `Load change ${crypto.randomUUID()}`, surfaceIds: [client.surfaceId] }),
      });
    case "map edit": {
      const response = await fetch(`${BASE}/api/v1/surfaces/${client.surfaceId}/map/nodes/${client.nodeId}`, {
        method: "PATCH",
        headers,
        body: JSON.stringify({ version: client.nodeVersion, x: Math.round(Math.random() * 2000) }),
      });
      if (response.ok) client.nodeVersion = ((await response.clone().json()) as { version: number }).version;
      return response;
    }
  }
}

/** Resident memory of a process and its descendants, in bytes (Linux /proc). */
function treeRss(rootPid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while being read.
    }
  }
  let total = 0;
  const pending = [rootPid];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
      total += rss ? Number(rss[1]) * 1024 : 0;
    } catch {
      // Gone.
    }
    pending.push(...(children.get(pid) ?? []));
  }
  return total;
}

const clients = await prepare();
const counts = { changes: await db.change.count(), flows: await db.flowEdge.count(), surfaces: await db.protectSurface.count() };
await closeDatabase();

const server = spawn("node_modules/.bin/next", ["start", "-p", String(PORT), "-H", "127.0.0.1"], {
  env: {
    ...process.env,
    PORT: String(PORT),
    NODE_ENV: "production",
    CONCORD_SNAPSHOTS: "off",
    TOKEN_REQUESTS_PER_MINUTE: "100000",
    NEXT_TELEMETRY_DISABLED: "1",
  },
  stdio: ["ignore", "ignore", "pipe"],
});
let serverErrors = "";
server.stderr?.on("data", (chunk: Buffer) => (serverErrors = (serverErrors + chunk.toString()).slice(-4000)));
const stopServer = () => {
  if (server.exitCode === null) server.kill("SIGTERM");
};
process.on("exit", stopServer);

const readyBy = Date.now() + 120_000;
while (
  (await fetch(`${BASE}/api/health/ready`)
    .then((response) => response.status)
    .catch(() => 0)) !== 200
) {
  if (Date.now() > readyBy || server.exitCode !== null) throw new Error(`The server did not become ready.\n${serverErrors}`);
  await new Promise((resolve) => setTimeout(resolve, 500));
}
// One request of each kind first: the routes' first compilation-free run still loads their modules.
for (const [routeClass] of MIX) await (await send(clients[0]!, routeClass)).arrayBuffer();

let peakRss = treeRss(server.pid!);
const sampler = setInterval(() => (peakRss = Math.max(peakRss, treeRss(server.pid!))), 250);
const samples = new Map<TRouteClass, number[]>(MIX.map(([name]) => [name, []]));
const errors = new Map<string, number>();
const endAt = performance.now() + SECONDS * 1000;
const started = performance.now();

await Promise.all(
  clients.map(async (client) => {
    while (performance.now() < endAt) {
      const routeClass = pickClass();
      const start = performance.now();
      try {
        const response = await send(client, routeClass);
        await response.arrayBuffer();
        if (!response.ok) errors.set(`${routeClass} ${response.status}`, (errors.get(`${routeClass} ${response.status}`) ?? 0) + 1);
      } catch (error) {
        errors.set(`${routeClass} ${(error as Error).message}`, (errors.get(`${routeClass} ${(error as Error).message}`) ?? 0) + 1);
      }
      samples.get(routeClass)!.push(performance.now() - start);
    }
  }),
);
const elapsed = (performance.now() - started) / 1000;
clearInterval(sampler);
stopServer();

const all = [...samples.values()].flat();
const row = (label: string, values: number[]) =>
  `${label.padEnd(14)} ${String(values.length).padStart(6)}  p50 ${percentile(values, 50).toFixed(0).padStart(5)} ms  p95 ${percentile(values, 95).toFixed(0).padStart(5)} ms  p99 ${percentile(values, 99).toFixed(0).padStart(5)} ms`;
console.log(
  `${CLIENTS} clients for ${elapsed.toFixed(0)} s against next start (production build), Postgres: ${counts.surfaces} surfaces, ${counts.flows} flows, ${counts.changes} changes`,
);
console.log(
  `throughput ${(all.length / elapsed).toFixed(1)} requests/s; errors ${[...errors.values()].reduce((sum, count) => sum + count, 0)}${errors.size ? ` (${[...errors].map(([kind, count]) => `${kind}: ${count}`).join(", ")})` : ""}`,
);
for (const [name] of MIX) console.log(row(name, samples.get(name)!));
console.log(row("all", all));
console.log(`server peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MiB`);
