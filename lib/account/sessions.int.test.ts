import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError, UnauthorizedError } from "@/lib/errors";
import { resolveSession } from "@/lib/auth/sessions";
import type { TActor } from "@/lib/auth/actor";
import { contextFor, createTestUser } from "@/lib/test/factories";
import { listOwnSessions, revokeOtherSessions, revokeOwnSession } from "./sessions";

const CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";
const FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0";

async function openSession(actor: TActor, overrides: { userAgent?: string; revokedAt?: Date; expiresAt?: Date; lastSeenAt?: Date } = {}) {
  const session = await db.session.create({
    data: { userId: actor.id, expiresAt: new Date(Date.now() + 3_600_000), userAgent: CHROME, ip: "192.0.2.10", ...overrides },
  });
  return session.id;
}

const auditRowsOf = (actor: TActor) => db.auditEvent.count({ where: { actorId: actor.id } });

describe("a person's own sessions", () => {
  it("lists where they are signed in, the current one first and marked, nothing closed and nobody else's", async () => {
    const person = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    const other = await createTestUser("SECOPS", ["CONTRIBUTOR"]);
    const laptop = await openSession(person, { userAgent: FIREFOX, lastSeenAt: new Date(Date.now() - 120_000) });
    const current = await openSession(person);
    await openSession(person, { revokedAt: new Date() });
    await openSession(person, { expiresAt: new Date(Date.now() - 1000) });
    await openSession(person, { lastSeenAt: new Date(Date.now() - 24 * 3_600_000) });
    await openSession(other);

    const sessions = await listOwnSessions(contextFor(person), current);
    expect(sessions.map((session) => [session.id, session.current, session.device.label])).toEqual([
      [current, true, "Chrome 140 on Linux"],
      [laptop, false, "Firefox 140 on Windows"],
    ]);
    expect(sessions[0]!.ip).toBe("192.0.2.10");
  });

  it("signs one of them out and audits it", async () => {
    const person = await createTestUser("NETOPS", ["VIEWER"]);
    const current = await openSession(person);
    const phone = await openSession(person);
    expect(await revokeOwnSession(contextFor(person), phone)).toEqual({ ended: 1 });
    expect(await resolveSession(phone)).toBeNull();
    expect(await resolveSession(current)).not.toBeNull();
    const event = await db.auditEvent.findFirstOrThrow({ where: { actorId: person.id, action: "auth.session.revoke" } });
    expect(event.entityId).toBe(phone);
  });

  it("cannot sign out another user's session: not found, and nothing is written", async () => {
    const person = await createTestUser("NETOPS", ["ADMIN"]);
    const victim = await createTestUser("SECOPS", ["CONTRIBUTOR"]);
    const victimSession = await openSession(victim);
    const auditBefore = await auditRowsOf(person);
    await expect(revokeOwnSession(contextFor(person), victimSession)).rejects.toBeInstanceOf(NotFoundError);
    expect((await db.session.findUniqueOrThrow({ where: { id: victimSession } })).revokedAt).toBeNull();
    expect(await auditRowsOf(person)).toBe(auditBefore);
  });

  it("cannot sign out a session that is already closed or does not exist", async () => {
    const person = await createTestUser("SECOPS", ["VIEWER"]);
    const closed = await openSession(person, { revokedAt: new Date() });
    await expect(revokeOwnSession(contextFor(person), closed)).rejects.toBeInstanceOf(NotFoundError);
    await expect(revokeOwnSession(contextFor(person), crypto.randomUUID())).rejects.toBeInstanceOf(NotFoundError);
    expect(await auditRowsOf(person)).toBe(0);
  });

  it("signs out everywhere else, keeping the current session and everybody else's", async () => {
    const person = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    const other = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    const current = await openSession(person);
    const elsewhere = [await openSession(person), await openSession(person, { userAgent: FIREFOX })];
    const othersSession = await openSession(other);

    expect(await revokeOtherSessions(contextFor(person), current)).toEqual({ ended: 2 });
    for (const id of elsewhere) expect(await resolveSession(id)).toBeNull();
    expect(await resolveSession(current)).not.toBeNull();
    expect(await resolveSession(othersSession)).not.toBeNull();
    const event = await db.auditEvent.findFirstOrThrow({ where: { actorId: person.id, action: "auth.session.revoke_others" } });
    expect(event.after).toEqual({ ended: 2, kept: current });
  });

  it("are nobody's without a signed-in person", async () => {
    await expect(listOwnSessions(contextFor(null), null)).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(revokeOtherSessions(contextFor(null), null)).rejects.toBeInstanceOf(UnauthorizedError);
  });
});
