import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hashApiToken, resolveApiToken } from "@/lib/auth/sessions";
import { ForbiddenError, NotFoundError, RuleViolationError } from "@/lib/errors";
import { setUserStatus } from "@/lib/users/service";
import { contextFor, createTestUser } from "@/lib/test/factories";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/tokens/route";
import { TOKEN_PREFIX, createApiToken, listApiTokens, revokeApiToken } from "./service";
import { createServiceAccount, listServiceAccounts } from "./service-accounts";

function post(token: string, body: unknown) {
  const request = new NextRequest("http://localhost/api/v1/tokens", {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
  });
  return createRoute(request, { params: Promise.resolve({}) });
}

describe("API tokens", () => {
  it("issues a token that acts as its issuer, storing only the hash, audited without the secret", async () => {
    const admin = await createTestUser("LEADERSHIP", ["ADMIN"]);
    const { token, plainToken } = await createApiToken(contextFor(admin), { name: "ci pipeline" });
    expect(plainToken.startsWith(TOKEN_PREFIX)).toBe(true);
    expect(token).toMatchObject({
      name: "ci pipeline",
      userId: admin.id,
      createdById: admin.id,
      actsAs: "PERSON",
      revokedAt: null,
      lastUsedAt: null,
    });

    const row = await db.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.tokenHash).toBe(hashApiToken(plainToken));
    expect(row.tokenHash).not.toContain(plainToken);
    expect(await resolveApiToken(plainToken)).toMatchObject({ actor: { id: admin.id }, tokenId: token.id });

    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: token.id, action: "token.create" } });
    expect(audit.actorId).toBe(admin.id);
    expect(JSON.stringify(audit.after)).not.toContain(plainToken);
    expect(JSON.stringify(audit.after)).not.toContain(row.tokenHash);
  });

  it("issues a token for a service account: its own identity, in no team", async () => {
    const admin = await createTestUser("LEADERSHIP", ["ADMIN"]);
    const account = await createServiceAccount(contextFor(admin), { name: "Firewall sync", roles: ["CONTRIBUTOR"] });
    expect(account).toMatchObject({ name: "Firewall sync", roles: ["CONTRIBUTOR"], status: "ACTIVE", liveTokens: 0 });
    const { token, plainToken } = await createApiToken(contextFor(admin), { name: "sync", serviceAccountId: account.id });
    expect(token).toMatchObject({ userId: account.id, createdById: admin.id, actsAs: "SERVICE_ACCOUNT" });
    const resolved = await resolveApiToken(plainToken);
    expect(resolved?.actor).toMatchObject({ id: account.id, team: "NONE", roles: ["CONTRIBUTOR"] });
    expect((await listServiceAccounts(contextFor(admin))).find((listed) => listed.id === account.id)?.liveTokens).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: account.id, action: "service_account.create", actorId: admin.id } })).toBe(1);
  });

  it("refuses a token for another person, for a person passed as a service account, and for unknown ids, writing nothing", async () => {
    const admin = await createTestUser("LEADERSHIP", ["ADMIN"]);
    const person = await createTestUser("SECOPS", ["CAB_MEMBER"]);
    const adminToken = (await createApiToken(contextFor(admin), { name: "admin automation" })).plainToken;
    const before = { audit: await db.auditEvent.count(), tokens: await db.apiToken.count() };

    const forOther = await post(adminToken, { userId: person.id, name: "vote for them" });
    expect(forOther.status).toBe(400);
    const body = (await forOther.json()) as { error: { fields: Array<{ path: string; message: string }> } };
    expect(body.error.fields[0]?.message).toMatch(/acts only as the person who issues it/);

    await expect(createApiToken(contextFor(admin), { name: "x", serviceAccountId: person.id })).rejects.toThrow(NotFoundError);
    await expect(
      createApiToken(contextFor(admin), { name: "x", serviceAccountId: "00000000-0000-4000-8000-000000000000" }),
    ).rejects.toThrow(NotFoundError);
    expect(await db.auditEvent.count()).toBe(before.audit + 0);
    expect(await db.apiToken.count()).toBe(before.tokens);
    expect(await db.apiToken.count({ where: { userId: person.id } })).toBe(0);
  });

  it("a token acting as a person someone else issued (made before this rule) no longer authenticates", async () => {
    const admin = await createTestUser("LEADERSHIP", ["ADMIN"]);
    const member = await createTestUser("NETOPS", ["CAB_MEMBER"]);
    const plainToken = `${TOKEN_PREFIX}legacy-${member.id}`;
    await db.apiToken.create({
      data: { name: "legacy", userId: member.id, createdById: admin.id, tokenHash: hashApiToken(plainToken), scopes: [] },
    });
    expect(await resolveApiToken(plainToken)).toBeNull();
    const unknownIssuer = `${TOKEN_PREFIX}legacy-unknown-${member.id}`;
    await db.apiToken.create({ data: { name: "older", userId: member.id, tokenHash: hashApiToken(unknownIssuer), scopes: [] } });
    expect(await resolveApiToken(unknownIssuer)).toBeNull();
  });

  it("a revoked token is refused on its next request, and revoking twice is refused", async () => {
    const admin = await createTestUser("LEADERSHIP", ["ADMIN"]);
    const { token, plainToken } = await createApiToken(contextFor(admin), { name: "reporting" });
    const revoked = await revokeApiToken(contextFor(admin), token.id);
    expect(revoked.revokedAt).not.toBeNull();
    expect(await resolveApiToken(plainToken)).toBeNull();
    await expect(revokeApiToken(contextFor(admin), token.id)).rejects.toThrow(RuleViolationError);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: token.id, action: "token.revoke" } });
    expect(audit.before).toMatchObject({ revokedAt: null });
  });

  it("lists live tokens by default and revoked ones on request", async () => {
    const admin = await createTestUser("LEADERSHIP", ["ADMIN"]);
    const live = await createApiToken(contextFor(admin), { name: "live" });
    const dead = await createApiToken(contextFor(admin), { name: "dead" });
    await revokeApiToken(contextFor(admin), dead.token.id);
    expect((await listApiTokens(contextFor(admin), { userId: admin.id })).map((t) => t.name)).toEqual(["live"]);
    const all = await listApiTokens(contextFor(admin), { userId: admin.id, includeRevoked: "true" });
    expect(all.map((t) => t.id)).toEqual([live.token.id, dead.token.id]);
  });

  it("refuses a token for a disabled service account and writes nothing", async () => {
    const admin = await createTestUser("LEADERSHIP", ["ADMIN"]);
    const account = await createServiceAccount(contextFor(admin), { name: "Old exporter", roles: ["VIEWER"] });
    await setUserStatus(contextFor(admin), account.id, "DISABLED");
    const before = await db.auditEvent.count();
    await expect(createApiToken(contextFor(admin), { name: "x", serviceAccountId: account.id })).rejects.toThrow(RuleViolationError);
    expect(await db.auditEvent.count()).toBe(before);
    expect(await db.apiToken.count({ where: { userId: account.id } })).toBe(0);
  });

  it("a token of a user who is later disabled stops working", async () => {
    const admin = await createTestUser("LEADERSHIP", ["ADMIN"]);
    const other = await createTestUser("LEADERSHIP", ["ADMIN"]);
    const { plainToken } = await createApiToken(contextFor(other), { name: "bot" });
    await setUserStatus(contextFor(admin), other.id, "DISABLED");
    expect(await resolveApiToken(plainToken)).toBeNull();
  });

  it("refuses everyone but admins", async () => {
    const contributor = await createTestUser("NETOPS", ["CONTRIBUTOR", "CAB_MEMBER"]);
    await expect(listApiTokens(contextFor(contributor), {})).rejects.toThrow(ForbiddenError);
    await expect(createApiToken(contextFor(contributor), { name: "mine" })).rejects.toThrow(ForbiddenError);
    await expect(createServiceAccount(contextFor(contributor), { name: "bot", roles: ["VIEWER"] })).rejects.toThrow(ForbiddenError);
  });

  it("through the API: an admin's token issues a token, bad input gets field errors, the audit row names the token", async () => {
    const admin = await createTestUser("LEADERSHIP", ["ADMIN"]);
    const { token: adminToken, plainToken } = await createApiToken(contextFor(admin), { name: "admin automation" });

    const created = await post(plainToken, { name: "  nightly export  " });
    expect(created.status).toBe(201);
    const payload = (await created.json()) as { token: { id: string; name: string }; plainToken: string };
    expect(payload.token.name).toBe("nightly export");
    expect((await resolveApiToken(payload.plainToken))?.actor.id).toBe(admin.id);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: payload.token.id, action: "token.create" } });
    expect(audit).toMatchObject({ actorId: admin.id, authMethod: "token", authId: adminToken.id });

    const invalid = await post(plainToken, { serviceAccountId: "nope", name: "" });
    expect(invalid.status).toBe(400);
    const fields = ((await invalid.json()) as { error: { fields: Array<{ path: string }> } }).error.fields
      .map((field) => field.path)
      .sort();
    expect(fields).toEqual(["body.name", "body.serviceAccountId"]);

    const listed = await listRoute(
      new NextRequest(`http://localhost/api/v1/tokens?userId=${admin.id}`, { headers: { authorization: `Bearer ${plainToken}` } }),
      { params: Promise.resolve({}) },
    );
    const tokens = ((await listed.json()) as { tokens: Array<{ name: string }> }).tokens.map((token) => token.name);
    expect(tokens.sort()).toEqual(["admin automation", "nightly export"]);
  });
});
