import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTestUser, uniqueSuffix } from "@/lib/test/factories";
import { runImportPipeline, type TImportOutcome } from "./import";
import type { TObservedRecord, TParsedLine } from "./records";
import { pruneBefore, subtractImport } from "./store";

const DAY_MS = 86_400_000;

async function createSurface() {
  const owner = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
  return db.protectSurface.create({
    data: {
      name: `Discovery ${uniqueSuffix()}`,
      classification: "INTERNAL",
      criticality: "LOW",
      contentHash: "test",
      createdById: owner.id,
    },
  });
}

function record(source: string, destination: string, port: number, start: Date, extra: Partial<TObservedRecord> = {}): TObservedRecord {
  return {
    source: { address: source },
    destination: { address: destination },
    protocol: "TCP",
    destinationPort: port,
    start,
    connections: 1,
    bytes: 100,
    packets: 2,
    verdict: "ALLOWED",
    ...extra,
  };
}

async function* linesOf(items: TParsedLine[]): AsyncGenerator<TParsedLine> {
  for (const item of items) yield item;
}

function asLines(records: TObservedRecord[]): TParsedLine[] {
  return records.map((item, index) => ({ kind: "record", line: index + 1, record: item }));
}

/** Runs the pipeline as the service does, writing the import's row at the end. */
async function runImport(
  surfaceId: string,
  lines: TParsedLine[],
  options: { strict?: boolean; signal?: AbortSignal; batchRows?: number } = {},
) {
  const id = crypto.randomUUID();
  await db.discoveryImport.create({ data: { id, surfaceId, format: "vpc", sourceName: "test", createdByLabel: "test" } });
  const outcome = await runImportPipeline({
    importId: id,
    surfaceId,
    lines: linesOf(lines),
    bytesRead: () => 0,
    strict: options.strict ?? false,
    signal: options.signal,
    batchRows: options.batchRows ?? 2,
    finish: async (tx, result: TImportOutcome) => {
      await tx.discoveryImport.update({
        where: { id },
        data: {
          status: result.status,
          linesRead: result.lines,
          linesAccepted: result.accepted,
          linesRejected: result.rejected,
          rejects: result.rejects,
        },
      });
    },
  });
  return { id, outcome };
}

async function observations(surfaceId: string) {
  const rows = await db.discoveryObservation.findMany({
    where: { surfaceId },
    orderBy: [{ sourceKey: "asc" }, { destinationPort: "asc" }, { day: "asc" }],
  });
  return rows.map((row) => ({
    key: `${row.sourceKey}>${row.destinationKey}:${row.destinationPort}@${row.day.toISOString().slice(0, 10)}`,
    connections: Number(row.connections),
    bytes: Number(row.bytes),
    allowed: Number(row.allowed),
    denied: Number(row.denied),
    dropReasons: row.dropReasons,
    firstSeen: row.firstSeen.toISOString(),
    lastSeen: row.lastSeen.toISOString(),
  }));
}

async function pairs(surfaceId: string) {
  const rows = await db.discoveryPair.findMany({ where: { surfaceId }, orderBy: [{ sourceKey: "asc" }, { destinationPort: "asc" }] });
  return rows.map((row) => ({
    key: `${row.sourceKey}>${row.destinationKey}:${row.destinationPort}`,
    connections: Number(row.connections),
    lastSeen: row.lastSeen.toISOString(),
  }));
}

const day1 = new Date("2026-12-01T10:00:00Z");
const day2 = new Date("2026-12-02T09:00:00Z");

describe("discovery import pipeline (COPY, merge, undo, retention)", () => {
  it("stages batches by COPY and merges them into per-day observations and pair totals", async () => {
    const surface = await createSurface();
    const lines = asLines([
      record("10.0.0.1", "10.0.1.5", 443, day1),
      record("10.0.0.1", "10.0.1.5", 443, new Date(day1.getTime() + 3_600_000), { bytes: 50 }),
      record("10.0.0.1", "10.0.1.5", 443, day2),
      record("10.0.0.2", "10.0.1.5", 5432, day1, { verdict: "DENIED", dropReason: "POLICY_DENIED" }),
      record("10.0.0.2", "10.0.1.5", 5432, day1, { verdict: "DENIED", dropReason: "POLICY_DENIED", connections: 3 }),
      record("10.0.0.3", "10.0.1.5", 22, day1, { source: { address: "10.0.0.3" }, destination: { address: "10.0.1.5" } }),
    ]);
    const { outcome } = await runImport(surface.id, lines);
    expect(outcome).toMatchObject({ status: "DONE", lines: 6, accepted: 6, rejected: 0 });
    // Three keys on day 1, one on day 2, from batches of two rows each: summed again by the merge.
    expect(outcome.contributed).toBe(4);
    expect(await observations(surface.id)).toEqual([
      {
        key: "ip:10.0.0.1>ip:10.0.1.5:443@2026-12-01",
        connections: 2,
        bytes: 150,
        allowed: 2,
        denied: 0,
        dropReasons: {},
        firstSeen: day1.toISOString(),
        lastSeen: "2026-12-01T11:00:00.000Z",
      },
      {
        key: "ip:10.0.0.1>ip:10.0.1.5:443@2026-12-02",
        connections: 1,
        bytes: 100,
        allowed: 1,
        denied: 0,
        dropReasons: {},
        firstSeen: day2.toISOString(),
        lastSeen: day2.toISOString(),
      },
      {
        key: "ip:10.0.0.2>ip:10.0.1.5:5432@2026-12-01",
        connections: 4,
        bytes: 200,
        allowed: 0,
        denied: 4,
        dropReasons: { POLICY_DENIED: 4 },
        firstSeen: day1.toISOString(),
        lastSeen: day1.toISOString(),
      },
      {
        key: "ip:10.0.0.3>ip:10.0.1.5:22@2026-12-01",
        connections: 1,
        bytes: 100,
        allowed: 1,
        denied: 0,
        dropReasons: {},
        firstSeen: day1.toISOString(),
        lastSeen: day1.toISOString(),
      },
    ]);
    expect(await pairs(surface.id)).toEqual([
      { key: "ip:10.0.0.1>ip:10.0.1.5:443", connections: 3, lastSeen: day2.toISOString() },
      { key: "ip:10.0.0.2>ip:10.0.1.5:5432", connections: 4, lastSeen: day1.toISOString() },
      { key: "ip:10.0.0.3>ip:10.0.1.5:22", connections: 1, lastSeen: day1.toISOString() },
    ]);
    expect(await db.discoveryEndpoint.count({ where: { surfaceId: surface.id } })).toBe(4);
  });

  it("adds a second import to the first and undoes either exactly, first and last seen included", async () => {
    const surface = await createSurface();
    const first = await runImport(
      surface.id,
      asLines([record("10.0.0.1", "10.0.1.5", 443, day1), record("10.0.0.9", "10.0.1.5", 80, day1)]),
    );
    const onlySecond = await createSurface();
    const secondLines = asLines([
      record("10.0.0.1", "10.0.1.5", 443, new Date(day1.getTime() + 60_000), { connections: 5, verdict: "DENIED", dropReason: "x" }),
    ]);
    const second = await runImport(surface.id, secondLines);
    await runImport(onlySecond.id, secondLines);
    expect((await observations(surface.id))[0]).toMatchObject({
      connections: 6,
      denied: 5,
      firstSeen: day1.toISOString(),
      lastSeen: "2026-12-01T10:01:00.000Z",
    });

    await db.$transaction((tx) => subtractImport(tx, first.id));
    const [expected, actual] = [await observations(onlySecond.id), await observations(surface.id)];
    expect(actual).toEqual(expected);
    expect(await pairs(surface.id)).toEqual(await pairs(onlySecond.id));
    expect(await db.discoveryContribution.count({ where: { importId: first.id } })).toBe(0);

    await db.$transaction((tx) => subtractImport(tx, second.id));
    expect(await observations(surface.id)).toEqual([]);
    expect(await pairs(surface.id)).toEqual([]);
  });

  it("merges nothing in strict mode when a line is rejected, and keeps the first rejects otherwise", async () => {
    const surface = await createSurface();
    const lines: TParsedLine[] = [
      ...asLines([record("10.0.0.1", "10.0.1.5", 443, day1)]),
      { kind: "reject", line: 2, reason: "7 fields, 14 expected" },
      { kind: "skip", line: 3, reason: "no-data" },
    ];
    const strict = await runImport(surface.id, lines, { strict: true });
    expect(strict.outcome.status).toBe("FAILED");
    expect(strict.outcome.error).toContain("line 2");
    expect(await observations(surface.id)).toEqual([]);
    expect(await db.discoveryStaging.count({ where: { importId: strict.id } })).toBe(0);

    const lenient = await runImport(surface.id, lines);
    expect(lenient.outcome).toMatchObject({
      status: "DONE",
      accepted: 1,
      rejected: 1,
      skipped: 1,
      rejects: [{ line: 2, reason: "7 fields, 14 expected" }],
    });
    expect(await observations(surface.id)).toHaveLength(1);
  });

  it("merges nothing when cancelled, and leaves no staging rows", async () => {
    const surface = await createSurface();
    const controller = new AbortController();
    const many = asLines(Array.from({ length: 5000 }, (_, index) => record(`10.0.${index % 200}.1`, "10.0.1.5", 443, day1)));
    async function* cancelling(): AsyncGenerator<TParsedLine> {
      for (const [index, item] of many.entries()) {
        if (index === 3000) controller.abort();
        yield item;
      }
    }
    const id = crypto.randomUUID();
    await db.discoveryImport.create({ data: { id, surfaceId: surface.id, format: "vpc", sourceName: "test", createdByLabel: "test" } });
    const outcome = await runImportPipeline({
      importId: id,
      surfaceId: surface.id,
      lines: cancelling(),
      bytesRead: () => 0,
      strict: false,
      signal: controller.signal,
      batchRows: 100,
      finish: async (tx, result) => void (await tx.discoveryImport.update({ where: { id }, data: { status: result.status } })),
    });
    expect(outcome.status).toBe("CANCELLED");
    expect(await observations(surface.id)).toEqual([]);
    expect(await db.discoveryStaging.count({ where: { importId: id } })).toBe(0);
    expect((await db.discoveryImport.findUniqueOrThrow({ where: { id } })).status).toBe("CANCELLED");
  });

  it("prunes days before the cutoff and recomputes the pair totals from the days kept", async () => {
    const surface = await createSurface();
    const now = new Date();
    const old = new Date(now.getTime() - 400 * DAY_MS);
    const recent = new Date(now.getTime() - DAY_MS);
    await runImport(
      surface.id,
      asLines([
        record("10.0.0.1", "10.0.1.5", 443, old, { connections: 7 }),
        record("10.0.0.1", "10.0.1.5", 443, recent, { connections: 2 }),
        record("10.0.0.4", "10.0.1.5", 443, old),
      ]),
    );
    const result = await db.$transaction((tx) => pruneBefore(tx, new Date(now.getTime() - 300 * DAY_MS)));
    expect(result.observations).toBeGreaterThanOrEqual(2);
    expect(await pairs(surface.id)).toEqual([{ key: "ip:10.0.0.1>ip:10.0.1.5:443", connections: 2, lastSeen: recent.toISOString() }]);
    expect((await observations(surface.id)).map((row) => row.connections)).toEqual([2]);
  });
});
