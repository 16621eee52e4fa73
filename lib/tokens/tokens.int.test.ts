import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hashApiToken, resolveApiToken } from "@/lib/auth/sessions";
import { ForbiddenError, NotFoundError, RuleViolationError } from "@/lib/errors";
import { setUserStatus } from "@/lib/users/service";
import { contextFor, createTestUser } from "@/lib/test/factories";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/tokens/route";
import { TOKEN_PREFIX, createApiToken, listApiTokens, revokeApiToken } from "./service";

function post(token: string, body: unknown) {
  const request = new NextRequest("http://localhost/api/v1/tokens", {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
  });
  return createRoute(request, { params: Promise.resolve({}) });
}

describe("API tokens", () => {
  it("issues a token that authenticates as its user, storing only the hash, audited without the secret", async () => {
    const admin = await createTestUser("LEADERSHIP", ["ADMIN"]);
    const user = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    const { token, plainToken } = await createApiToken(contextFor(admin), { userId: user.id, name: "ci pipeline" });
    expect(plainToken.startsWith(TOKEN_PREFIX)).toBe(true);
    expect(token).toMatchObject({ name: "ci pipeline", userId: user.id, userEmail: user.email, revokedAt: null, lastUsedAt: null });

    const row = await db.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.tokenHash).toBe(hashApiToken(plainToken));
    expect(row.tokenHash).not.toContain(plainToken);
    expect((await resolveApiToken(plainToken))?.id).toBe(user.id);

    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: token.id, action: "token.create" } });
    expect(audit.actorId).toBe(admin.id);
    expect(JSON.stringify(audit.after)).not.toContain(plainToken);
    expect(JSON.stringify(audit.after)).not.toContain(row.tokenHash);
  });

  it("a revoked token is refused on its next request, and revoking twice is refused", async () => {
    const admin = await createTestUser("LEADERSHIP", ["ADMIN"]);
    const user = await createTestUser("SECOPS", ["VIEWER"]);
    const { token, plainToken } = await createApiToken(contextFor(admin), { userId: user.id, name: "reporting" });
    const revoked = await revokeApiToken(contextFor(admin), token.id);
    expect(revoked.revokedAt).not.toBeNull();
    expect(await resolveApiToken(plainToken)).toBeNull();
    await expect(revokeApiToken(contextFor(admin), token.id)).rejects.toThrow(RuleViolationError);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: token.id, action: "token.revoke" } });
    expect(audit.before).toMatchObject({ revokedAt: null });
  });

  it("lists live tokens by default and revoked ones on request", async () => {
    const admin = await createTestUser("LEADERSHIP", ["ADMIN"]);
    const user = await createTestUser("NETOPS", ["VIEWER"]);
    const live = await createApiToken(contextFor(admin), { userId: user.id, name: "live" });
    const dead = await createApiToken(contextFor(admin), { userId: user.id, name: "dead" });
    await revokeApiToken(contextFor(admin), dead.token.id);
    expect((await listApiTokens(contextFor(admin), { userId: user.id })).map((t) => t.name)).toEqual(["live"]);
    const all = await listApiTokens(contextFor(admin), { userId: user.id, includeRevoked: "true" });
    expect(all.map((t) => t.id)).toEqual([live.token.id, dead.token.id]);
  });

  it("refuses a token for a disabled or unknown user and writes nothing", async () => {
    const admin = await createTestUser("LEADERSHIP", ["ADMIN"]);
    const user = await createTestUser("SECOPS", ["CONTRIBUTOR"]);
    await setUserStatus(contextFor(admin), user.id, "DISABLED");
    const before = await db.auditEvent.count();
    await expect(createApiToken(contextFor(admin), { userId: user.id, name: "x" })).rejects.toThrow(RuleViolationError);
    await expect(createApiToken(contextFor(admin), { userId: "00000000-0000-4000-8000-000000000000", name: "x" })).rejects.toThrow(NotFoundError);
    expect(await db.auditEvent.count()).toBe(before);
    expect(await db.apiToken.count({ where: { userId: user.id } })).toBe(0);
  });

  it("a token of a user who is later disabled stops working", async () => {
    const admin = await createTestUser("LEADERSHIP", ["ADMIN"]);
    const user = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    const { plainToken } = await createApiToken(contextFor(admin), { userId: user.id, name: "bot" });
    await setUserStatus(contextFor(admin), user.id, "DISABLED");
    expect(await resolveApiToken(plainToken)).toBeNull();
  });

  it("refuses everyone but admins", async () => {
    const contributor = await createTestUser("NETOPS", ["CONTRIBUTOR", "CAB_MEMBER"]);
    await expect(listApiTokens(contextFor(contributor), {})).rejects.toThrow(ForbiddenError);
    await expect(createApiToken(contextFor(contributor), { userId: contributor.id, name: "mine" })).rejects.toThrow(ForbiddenError);
  });

  it("through the API: an admin's token issues a token, bad input gets field errors, a viewer's token gets 403", async () => {
    const admin = await createTestUser("LEADERSHIP", ["ADMIN"]);
    const viewer = await createTestUser("NETOPS", ["VIEWER"]);
    const adminToken = (await createApiToken(contextFor(admin), { userId: admin.id, name: "admin automation" })).plainToken;
    const viewerToken = (await createApiToken(contextFor(admin), { userId: viewer.id, name: "viewer automation" })).plainToken;

    const created = await post(adminToken, { userId: viewer.id, name: "  nightly export  " });
    expect(created.status).toBe(201);
    const payload = (await created.json()) as { token: { name: string }; plainToken: string };
    expect(payload.token.name).toBe("nightly export");
    expect((await resolveApiToken(payload.plainToken))?.id).toBe(viewer.id);

    const invalid = await post(adminToken, { userId: "nope", name: "" });
    expect(invalid.status).toBe(400);
    const fields = ((await invalid.json()) as { error: { fields: Array<{ path: string }> } }).error.fields.map((field) => field.path).sort();
    expect(fields).toEqual(["body.name", "body.userId"]);

    expect((await post(viewerToken, { userId: viewer.id, name: "escalate" })).status).toBe(403);
    const listed = await listRoute(
      new NextRequest(`http://localhost/api/v1/tokens?userId=${viewer.id}`, { headers: { authorization: `Bearer ${adminToken}` } }),
      { params: Promise.resolve({}) },
    );
    const tokens = ((await listed.json()) as { tokens: Array<{ name: string }> }).tokens.map((token) => token.name);
    expect(tokens.sort()).toEqual(["nightly export", "viewer automation"]);
  });
});
