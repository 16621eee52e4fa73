import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db, type TTx } from "@/lib/db";
import { getAuditCheckpointKey } from "@/lib/env";
import { ForbiddenError } from "@/lib/errors";
import { contextFor, createTestUser } from "@/lib/test/factories";
import { recordAudit } from "./record";
import { verifyAuditChain, type TVerifyResult } from "./verify";
import { createCheckpoint, writeCheckpoint } from "./checkpoints";
import { checkpointKeyId, signCheckpoint } from "./checkpoint";
import { fileSink } from "./checkpoint-sinks";

const FORGER_KEY = "the-forger-does-not-have-the-real-key-0123456789";

async function writeEvents(count: number): Promise<bigint[]> {
  const actor = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
  const ids: bigint[] = [];
  for (let i = 0; i < count; i++) {
    await db.$transaction((tx) =>
      recordAudit(tx, contextFor(actor), { action: "user.update", entityType: "Test", entityId: `${actor.id}-${i}` }),
    );
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: `${actor.id}-${i}` }, select: { id: true } });
    ids.push(event.id);
  }
  return ids;
}

/**
 * What an attacker who owns the database could do, with the append-only triggers disabled. It all
 * happens in a transaction that is rolled back, so the chain other test files share stays intact.
 */
async function asAttacker(attack: (tx: TTx) => Promise<TVerifyResult>): Promise<TVerifyResult> {
  const rollback = new Error("rollback");
  let result: TVerifyResult | undefined;
  await db
    .$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`);
      await tx.$executeRawUnsafe(`ALTER TABLE "AuditCheckpoint" DISABLE TRIGGER "AuditCheckpoint_append_only"`);
      result = await attack(tx);
      throw rollback;
    })
    .catch((error: unknown) => {
      if (error !== rollback) throw error;
    });
  return result!;
}

async function cutTailFrom(tx: TTx, firstRemovedId: bigint): Promise<{ removedUpToHead: number; lastKeptId: bigint }> {
  const checkpoint = await tx.auditCheckpoint.findFirstOrThrow({ orderBy: { id: "desc" } });
  const removedUpToHead = await tx.auditEvent.count({ where: { id: { gte: firstRemovedId, lte: checkpoint.headId! } } });
  await tx.$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE id >= ${firstRemovedId}`);
  const lastKept = await tx.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" }, select: { id: true } });
  return { removedUpToHead, lastKeptId: lastKept.id };
}

describe("signed audit checkpoints", () => {
  it("anchor an intact chain: it verifies against them", async () => {
    await writeEvents(3);
    const admin = await createTestUser("SECOPS", ["ADMIN"]);
    const { checkpoint } = await writeCheckpoint("cli", contextFor(admin), []);
    const result = await verifyAuditChain(db, { checkpointFile: null });
    expect(result.firstBreak).toBeNull();
    expect(result.checkpoints.problems).toEqual([]);
    expect(result.checkpoints.latest?.seq).toBe(checkpoint!.seq);
  });

  it("are refused to anyone but an administrator, and nothing is written", async () => {
    for (const role of ["VIEWER", "CONTRIBUTOR", "CAB_MEMBER", "EXECUTIVE"] as const) {
      const person = await createTestUser("NETOPS", [role]);
      const checkpointsBefore = await db.auditCheckpoint.count();
      await expect(createCheckpoint(contextFor(person))).rejects.toBeInstanceOf(ForbiddenError);
      expect(await db.auditCheckpoint.count()).toBe(checkpointsBefore);
      expect(await db.auditEvent.count({ where: { actorId: person.id } })).toBe(0);
    }
  });

  it("requested by an administrator are audited, and anchor their own audit event", async () => {
    const admin = await createTestUser("SECOPS", ["ADMIN"]);
    const { checkpoint } = await createCheckpoint(contextFor(admin));
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "audit.checkpoint.create", actorId: admin.id } });
    expect(event.entityId).toBe(checkpoint!.seq);
    expect(checkpoint!.headId).toBe(String(event.id));
    expect(checkpoint!.trigger).toBe("admin");
  });

  it("are append-only in the database", async () => {
    await expect(db.$executeRawUnsafe(`UPDATE "AuditCheckpoint" SET "eventCount" = 0`)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`DELETE FROM "AuditCheckpoint"`)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditCheckpoint"`)).rejects.toThrow(/append-only/);
  });

  it("name the gap when the chain's tail was cut off, and the intact chain still verifies", async () => {
    const ids = await writeEvents(5);
    const { checkpoint } = await writeCheckpoint("cli", contextFor(null), []);
    let cut: Awaited<ReturnType<typeof cutTailFrom>> | undefined;
    const result = await asAttacker(async (tx) => {
      cut = await cutTailFrom(tx, ids[2]!);
      return verifyAuditChain(tx, { checkpointFile: null });
    });
    // The links that remain are intact: only the checkpoint notices.
    expect(result.firstBreak).toBeNull();
    const missing = result.checkpoints.problems.find((problem) => problem.seq === checkpoint!.seq);
    expect(missing?.kind).toBe("tail_missing");
    expect(missing?.message).toBe(
      `${cut!.removedUpToHead} events up to checkpoint #${checkpoint!.seq} are missing: the chain ends at event ${cut!.lastKeptId}, the checkpoint says ${checkpoint!.headId} (${checkpoint!.eventCount} events).`,
    );
    const intact = await verifyAuditChain(db, { checkpointFile: null });
    expect(intact.firstBreak).toBeNull();
    expect(intact.checkpoints.problems).toEqual([]);
  });

  it("notice the very last event removed", async () => {
    await writeEvents(1);
    // The checkpoint's own audit event is the head it anchors: the last event of the chain.
    const { checkpoint } = await writeCheckpoint("cli", contextFor(null), []);
    const result = await asAttacker(async (tx) => {
      await tx.$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE id >= ${checkpoint!.headId}`);
      return verifyAuditChain(tx, { checkpointFile: null });
    });
    expect(result.checkpoints.problems.find((problem) => problem.seq === checkpoint!.seq)?.message).toMatch(
      /^1 event up to checkpoint #\d+ is missing/,
    );
  });

  it("cannot be forged without the key: a cut tail with a new checkpoint fails its signature", async () => {
    const ids = await writeEvents(4);
    await writeCheckpoint("cli", contextFor(null), []);
    const realKeyId = checkpointKeyId(getAuditCheckpointKey());
    const result = await asAttacker(async (tx) => {
      await tx.$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE id >= ${ids[1]}`);
      // Covering the tracks: every honest checkpoint goes, one that matches the cut chain takes their place.
      await tx.$executeRawUnsafe(`DELETE FROM "AuditCheckpoint"`);
      const head = await tx.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
      const forged = signCheckpoint(
        {
          createdAt: new Date().toISOString(),
          eventCount: String(await tx.auditEvent.count()),
          headId: String(head.id),
          headHash: head.hash,
        },
        FORGER_KEY,
      );
      await tx.auditCheckpoint.create({
        data: {
          createdAt: new Date(forged.createdAt),
          eventCount: BigInt(forged.eventCount),
          headId: head.id,
          headHash: head.hash,
          keyId: realKeyId,
          signature: forged.signature,
          trigger: "cli",
        },
      });
      return verifyAuditChain(tx, { checkpointFile: null });
    });
    expect(result.checkpoints.problems.map((problem) => problem.kind)).toEqual(["bad_signature"]);
    expect(result.checkpoints.latest).toBeNull();
  });

  it("kept in a file show checkpoints deleted from the table, and the tail they anchored", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "concord-checkpoints-")), "checkpoints.jsonl");
    const ids = await writeEvents(3);
    const { checkpoint } = await writeCheckpoint("cli", contextFor(null), [fileSink(file)]);
    expect(fs.readFileSync(file, "utf8").trim().split("\n")).toHaveLength(1);
    const result = await asAttacker(async (tx) => {
      await tx.$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE id >= ${ids[0]}`);
      await tx.$executeRawUnsafe(`DELETE FROM "AuditCheckpoint" WHERE id >= ${checkpoint!.seq}`);
      return verifyAuditChain(tx, { checkpointFile: file });
    });
    const kinds = result.checkpoints.problems.filter((problem) => problem.seq === checkpoint!.seq).map((problem) => problem.kind);
    expect(kinds.sort()).toEqual(["missing_from_database", "tail_missing"]);
  });

  it("report a damaged checkpoint file line", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "concord-checkpoints-")), "checkpoints.jsonl");
    await writeCheckpoint("cli", contextFor(null), [fileSink(file)]);
    fs.appendFileSync(file, "{not json\n");
    const result = await verifyAuditChain(db, { checkpointFile: file });
    expect(result.checkpoints.problems).toEqual([
      { seq: null, kind: "unreadable_file_line", message: expect.stringContaining("Line 2") as string },
    ]);
  });
});
