import crypto from "node:crypto";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hashApiToken } from "@/lib/auth/sessions";
import type { TActor } from "@/lib/auth/actor";
import { createTestUser } from "@/lib/test/factories";
import { DELETE as deleteOne } from "@/app/api/v1/account/sessions/[id]/route";
import { DELETE as deleteOthers, GET as listSessions } from "@/app/api/v1/account/sessions/route";

async function tokenFor(actor: TActor): Promise<string> {
  const token = crypto.randomBytes(24).toString("base64url");
  await db.apiToken.create({ data: { name: "test", tokenHash: hashApiToken(token), userId: actor.id, createdById: actor.id, scopes: [] } });
  return token;
}

// Token callers: a session cookie needs a Next.js request scope, which the e2e tests have.
function request(method: string, token: string) {
  return new NextRequest("http://localhost/api/v1/account/sessions", { method, headers: { authorization: `Bearer ${token}` } });
}

const openSession = (actor: TActor) =>
  db.session.create({ data: { userId: actor.id, expiresAt: new Date(Date.now() + 3_600_000) } }).then((s) => s.id);

describe("the account sessions API", () => {
  it("401 without valid credentials", async () => {
    expect((await listSessions(request("GET", "not-a-token"), { params: Promise.resolve({}) })).status).toBe(401);
  });

  it("404 for another user's session, which stays open, and nothing is audited", async () => {
    const caller = await createTestUser("NETOPS", ["ADMIN"]);
    const victim = await createTestUser("SECOPS", ["VIEWER"]);
    const victimSession = await openSession(victim);
    const response = await deleteOne(request("DELETE", await tokenFor(caller)), { params: Promise.resolve({ id: victimSession }) });
    expect(response.status).toBe(404);
    expect((await db.session.findUniqueOrThrow({ where: { id: victimSession } })).revokedAt).toBeNull();
    expect(await db.auditEvent.count({ where: { actorId: caller.id } })).toBe(0);
  });

  it("400 naming the field for a malformed session id", async () => {
    const caller = await createTestUser("NETOPS", ["VIEWER"]);
    const response = await deleteOne(request("DELETE", await tokenFor(caller)), { params: Promise.resolve({ id: "../1" }) });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { fields: Array<{ path: string }> } }).error.fields[0]!.path).toBe("params.id");
  });

  it("ends every session of a token caller, who has none of its own to keep, and nobody else's", async () => {
    const caller = await createTestUser("NETOPS", ["VIEWER"]);
    const other = await createTestUser("NETOPS", ["VIEWER"]);
    await openSession(caller);
    await openSession(caller);
    const othersSession = await openSession(other);
    const response = await deleteOthers(request("DELETE", await tokenFor(caller)), { params: Promise.resolve({}) });
    expect(await response.json()).toEqual({ ended: 2 });
    expect(await db.session.count({ where: { userId: caller.id, revokedAt: null } })).toBe(0);
    expect((await db.session.findUniqueOrThrow({ where: { id: othersSession } })).revokedAt).toBeNull();
    const listed = (await (await listSessions(request("GET", await tokenFor(caller)), { params: Promise.resolve({}) })).json()) as {
      sessions: unknown[];
    };
    expect(listed.sessions).toEqual([]);
  });
});
