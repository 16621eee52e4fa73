/**
 * Benchmarks for the change domain; prints figures, asserts nothing.
 *   npx tsx bench/changes.ts
 * Without DATABASE_URL the list benchmark runs on an in-memory embedded database; with it, it adds
 * 20,000 changes to that database, so point it at a scratch one.
 */
import crypto from "node:crypto";
import { performance } from "node:perf_hooks";
import fc from "fast-check";

if (!process.env.DATABASE_URL) process.env.CONCORD_DATA_DIR ??= ":memory:";
// A throwaway signing secret, so the run never writes one to disk (nothing here signs sessions).
process.env.AUTH_SECRET ??= crypto.randomBytes(32).toString("hex");

const { classify } = await import("@/lib/change-policy/classifier");
const { arbInput, arbRules } = await import("@/lib/change-policy/classifier.arbitraries");

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function benchClassifier() {
  const inputs = fc.sample(arbInput(), { numRuns: 10_000, seed: 42 });
  const rules = fc
    .sample(arbRules(1), { numRuns: 2000, seed: 7 })
    .flat()
    .slice(0, 200)
    .map((rule, index) => ({ ...rule, ruleKey: `r${index}`, position: index }));
  classify(inputs[0] as (typeof inputs)[number], rules);
  const started = performance.now();
  for (const input of inputs) classify(input, rules);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `classify: ${inputs.length} changes × ${rules.length} rules in ${seconds.toFixed(2)} s → ${Math.round(inputs.length / seconds)} changes/s`,
  );
}

async function benchList() {
  const { db, closeDatabase, getDatabase } = await import("@/lib/db");
  const { applyMigrations } = await import("@/lib/db/migrations");
  const { listChanges } = await import("@/lib/changes/read");
  await applyMigrations(getDatabase().opened.factory);
  const suffix = crypto.randomBytes(4).toString("hex");
  const user = await db.user.create({
    data: { email: `bench-${suffix}@bench.example`, name: "Bench", team: "NETOPS", roles: ["CONTRIBUTOR"] },
  });
  const surface = await db.protectSurface.create({
    data: { name: `Bench ${suffix}`, classification: "INTERNAL", criticality: "LOW", contentHash: suffix, createdById: user.id },
  });
  const states = ["DRAFT", "CAB_REVIEW", "APPROVED", "SCHEDULED", "VERIFIED", "CLOSED", "PRE_APPROVED"] as const;
  const tracks = ["CAB", "PRE_APPROVED", "EMERGENCY"] as const;
  const total = 20_000;
  const fillStarted = performance.now();
  for (let offset = 0; offset < total; offset += 1000) {
    const rows = Array.from({ length: 1000 }, (_, index) => {
      const n = offset + index;
      return {
        id: crypto.randomUUID(),
        title: `Bench change ${n} ${n % 17 === 0 ? "partner" : "internal"}`,
        requesterId: user.id,
        state: states[n % states.length],
        track: tracks[n % tracks.length],
        riskScore: n % 100,
        contentHash: `${n}`,
        createdAt: new Date(Date.now() - n * 60_000),
      };
    });
    await db.change.createMany({ data: rows });
    await db.changeSurface.createMany({
      data: rows.filter((_, index) => index % 3 === 0).map((row) => ({ changeId: row.id, surfaceId: surface.id })),
    });
  }
  console.log(`list: inserted ${total} changes in ${((performance.now() - fillStarted) / 1000).toFixed(1)} s`);
  const context = { actor: { id: user.id, email: user.email, name: user.name, team: user.team, roles: user.roles }, requestId: "bench" };
  const queries = [
    { page: 1, pageSize: 25 },
    { state: "CAB_REVIEW" as const, page: 1, pageSize: 25 },
    { track: "EMERGENCY" as const, page: 3, pageSize: 25 },
    { surfaceId: surface.id, page: 2, pageSize: 25 },
    { q: "partner", page: 1, pageSize: 25 },
    { page: 400, pageSize: 50 },
  ];
  for (const query of queries) {
    const samples: number[] = [];
    for (let run = 0; run < 40; run += 1) {
      const started = performance.now();
      await listChanges(context, query);
      samples.push(performance.now() - started);
    }
    console.log(
      `list ${JSON.stringify(query)}: p50 ${percentile(samples, 50).toFixed(1)} ms · p95 ${percentile(samples, 95).toFixed(1)} ms`,
    );
  }
  await closeDatabase();
}

benchClassifier();
await benchList();
