import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { contextFor, createTestUser } from "@/lib/test/factories";
import { recordAudit } from "./record";
import { verifyAuditChain } from "./verify";
import { GENESIS_HASH } from "./chain";

describe("audit trail", () => {
  it("chains every event onto the one before it", async () => {
    const actor = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    for (let i = 0; i < 3; i++) {
      await db.$transaction((tx) =>
        recordAudit(tx, contextFor(actor), { action: "user.update", entityType: "Test", entityId: `e${i}`, after: { i } }),
      );
    }
    const events = await db.auditEvent.findMany({ orderBy: { id: "asc" } });
    events.forEach((event, index) => {
      expect(event.prevHash).toBe(index === 0 ? GENESIS_HASH : events[index - 1]!.hash);
    });
    expect((await verifyAuditChain()).firstBreak).toBeNull();
  });

  it("serializes concurrent writers into one chain", async () => {
    const actor = await createTestUser("SECOPS", ["CONTRIBUTOR"]);
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        db.$transaction((tx) => recordAudit(tx, contextFor(actor), { action: "user.update", entityType: "Test", entityId: `c${i}` })),
      ),
    );
    expect((await verifyAuditChain()).firstBreak).toBeNull();
  });

  it("writes nothing when the transaction it belongs to fails", async () => {
    const actor = await createTestUser("NETOPS", ["VIEWER"]);
    const entityId = `rolled-back-${actor.id}`;
    await expect(
      db.$transaction(async (tx) => {
        await recordAudit(tx, contextFor(actor), { action: "user.update", entityType: "Test", entityId });
        throw new Error("business rule failed");
      }),
    ).rejects.toThrow("business rule failed");
    expect(await db.auditEvent.count({ where: { entityId } })).toBe(0);
  });

  it("is refused UPDATE, DELETE and TRUNCATE by the database", async () => {
    const actor = await createTestUser("NETOPS", ["VIEWER"]);
    await db.$transaction((tx) => recordAudit(tx, contextFor(actor), { action: "user.update", entityType: "Test", entityId: actor.id }));
    await expect(db.$executeRawUnsafe(`UPDATE "AuditEvent" SET action = 'tampered'`)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
  });

  it("names the first tampered event", async () => {
    const actor = await createTestUser("SECOPS", ["VIEWER"]);
    await db.$transaction((tx) =>
      recordAudit(tx, contextFor(actor), { action: "user.update", entityType: "Test", entityId: actor.id, after: { ok: true } }),
    );
    const target = await db.auditEvent.findFirstOrThrow({ where: { entityId: actor.id } });
    // Tampering needs the trigger out of the way, as an attacker owning the table could do. It all
    // happens in a transaction that is rolled back, so the shared chain stays intact for other tests.
    const rollback = new Error("rollback");
    let result: Awaited<ReturnType<typeof verifyAuditChain>> | undefined;
    await db
      .$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`);
        await tx.$executeRawUnsafe(`UPDATE "AuditEvent" SET after = '{"ok": false}' WHERE id = ${target.id}`);
        result = await verifyAuditChain(tx);
        throw rollback;
      })
      .catch((error: unknown) => {
        if (error !== rollback) throw error;
      });
    expect(result?.firstBreak).toEqual({ id: String(target.id), reason: "hash_mismatch" });
    expect((await verifyAuditChain()).firstBreak).toBeNull();
  });
});
