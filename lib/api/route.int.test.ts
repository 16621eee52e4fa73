import crypto from "node:crypto";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db";
import { hashApiToken } from "@/lib/auth/sessions";
import { createTestUser } from "@/lib/test/factories";
import type { TActor } from "@/lib/auth/actor";
import { apiRoute } from "./route";

async function tokenFor(actor: TActor): Promise<string> {
  const token = crypto.randomBytes(24).toString("base64url");
  await db.apiToken.create({ data: { name: "test", tokenHash: hashApiToken(token), userId: actor.id, createdById: actor.id, scopes: [] } });
  return token;
}

const handler = apiRoute(
  { permission: "surface.write", body: z.object({ name: z.string().max(10), level: z.enum(["LOW", "HIGH"]) }) },
  async ({ body, actor }) => ({ echoed: body.name, by: actor.id }),
);

function call(init: { token?: string; body?: string; headers?: Record<string, string> }) {
  const request = new NextRequest("http://localhost/api/v1/test", {
    method: "POST",
    body: init.body,
    headers: { "content-type": "application/json", ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...init.headers },
  });
  return handler(request, { params: Promise.resolve({}) });
}

describe("the API wrapper", () => {
  // A request with no credentials at all reads the session cookie, which needs Next's request scope: e2e/credentials.spec.ts.
  it("401 for a bearer token that was never issued", async () => {
    const response = await call({ token: "not-a-token", body: "{}" });
    expect(response.status).toBe(401);
  });

  it("403 when the role lacks the permission", async () => {
    const viewer = await createTestUser("NETOPS", ["VIEWER"]);
    const response = await call({ token: await tokenFor(viewer), body: JSON.stringify({ name: "a", level: "LOW" }) });
    expect(response.status).toBe(403);
  });

  it("400 with each field and its reason", async () => {
    const contributor = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    const response = await call({ token: await tokenFor(contributor), body: JSON.stringify({ name: "x".repeat(100), level: "MEDIUM" }) });
    expect(response.status).toBe(400);
    const payload = (await response.json()) as { error: { fields: Array<{ path: string }> } };
    expect(payload.error.fields.map((field) => field.path).sort()).toEqual(["body.level", "body.name"]);
  });

  it("400 for malformed JSON and for an oversized body", async () => {
    const contributor = await createTestUser("SECOPS", ["CONTRIBUTOR"]);
    const token = await tokenFor(contributor);
    expect((await call({ token, body: "{nope" })).status).toBe(400);
    expect((await call({ token, body: JSON.stringify({ name: "a".repeat(2 * 1024 * 1024), level: "LOW" }) })).status).toBe(400);
  });

  it("403 for a cookie-authenticated change sent from another site", async () => {
    const response = await call({ body: "{}", headers: { "sec-fetch-site": "cross-site", origin: "https://evil.example" } });
    expect(response.status).toBe(403);
  });

  it("passes the actor and echoes the request id", async () => {
    const contributor = await createTestUser("SECOPS", ["CONTRIBUTOR"]);
    const response = await call({
      token: await tokenFor(contributor),
      body: JSON.stringify({ name: "ok", level: "HIGH" }),
      headers: { "x-request-id": "req-12345678" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe("req-12345678");
    expect(await response.json()).toEqual({ echoed: "ok", by: contributor.id });
  });

  it("a revoked token is refused", async () => {
    const contributor = await createTestUser("SECOPS", ["CONTRIBUTOR"]);
    const token = await tokenFor(contributor);
    await db.apiToken.updateMany({ where: { tokenHash: hashApiToken(token) }, data: { revokedAt: new Date() } });
    expect((await call({ token, body: JSON.stringify({ name: "a", level: "LOW" }) })).status).toBe(401);
  });
});
