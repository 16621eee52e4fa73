import crypto from "node:crypto";
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { hashApiToken } from "@/lib/auth/sessions";
import { createTestUser, uniqueSuffix } from "@/lib/test/factories";
import type { TActor } from "@/lib/auth/actor";
import * as collection from "@/app/api/v1/surfaces/route";
import * as item from "@/app/api/v1/surfaces/[id]/route";
import * as signoffs from "@/app/api/v1/surfaces/[id]/signoffs/route";
import * as submit from "@/app/api/v1/surfaces/[id]/submit/route";
import * as importRoute from "@/app/api/v1/surfaces/import/route";

type THandler = (request: NextRequest, route: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function tokenFor(actor: TActor): Promise<string> {
  const token = crypto.randomBytes(24).toString("base64url");
  await db.apiToken.create({ data: { name: "test", tokenHash: hashApiToken(token), userId: actor.id, createdById: actor.id, scopes: [] } });
  return token;
}

// Sign-offs are made in person: these calls come with a signed-in session instead of a token.
const signedIn = vi.hoisted(() => ({ actor: null as TActor | null }));
vi.mock("@/lib/auth/current", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/current")>()),
  getCurrentSession: async () =>
    signedIn.actor
      ? {
          actor: signedIn.actor,
          sessionId: "00000000-0000-4000-8000-0000000000aa",
          proof: { stepUpAt: new Date(), stepUpFactor: "password" as const, hasSecondFactor: false },
          mfaEnrolmentRequired: false,
        }
      : null,
}));

async function inPerson(actor: TActor, handler: THandler, init: { method?: string; body?: unknown; params?: Record<string, string> } = {}) {
  signedIn.actor = actor;
  try {
    const request = new NextRequest("http://localhost/api/v1/surfaces", {
      method: init.method ?? "GET",
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      headers: { "content-type": "application/json" },
    });
    const response = await handler(request, { params: Promise.resolve(init.params ?? {}) });
    return { status: response.status, json: (await response.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  } finally {
    signedIn.actor = null;
  }
}

async function call(
  handler: THandler,
  token: string,
  init: { method?: string; body?: unknown; raw?: string; params?: Record<string, string>; query?: string } = {},
) {
  const request = new NextRequest(`http://localhost/api/v1/surfaces${init.query ? `?${init.query}` : ""}`, {
    method: init.method ?? "GET",
    body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
  });
  const response = await handler(request, { params: Promise.resolve(init.params ?? {}) });
  return { status: response.status, json: (await response.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function setup() {
  const netops = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
  const secops = await createTestUser("SECOPS", ["CONTRIBUTOR"]);
  const tokens = { netops: await tokenFor(netops), secops: await tokenFor(secops) };
  const name = `API ${uniqueSuffix()}`;
  const created = await call(collection.POST, tokens.netops, {
    method: "POST",
    body: {
      name,
      criticality: "HIGH",
      netopsOwnerId: netops.id,
      secopsOwnerId: secops.id,
      elements: [{ type: "DATA", name: "DB", classification: "RESTRICTED" }],
    },
  });
  expect(created.status).toBe(201);
  return { netops, secops, tokens, surface: created.json, name };
}

describe("surfaces API", () => {
  it("refuses malformed and oversized input with 400 and changes nothing", async () => {
    const { tokens, surface } = await setup();
    const before = await db.protectSurface.count({ where: { createdById: surface.createdBy.id } });
    const longName = await call(collection.POST, tokens.netops, {
      method: "POST",
      body: { name: "x".repeat(100_000), criticality: "LOW" },
    });
    expect(longName.status).toBe(400);
    expect(longName.json.error.fields).toContainEqual({ path: "body.name", message: "must be at most 200 characters" });
    const badEnum = await call(collection.POST, tokens.netops, { method: "POST", body: { name: "ok", criticality: "EXTREME" } });
    expect(badEnum.status).toBe(400);
    expect(badEnum.json.error.fields[0].path).toBe("body.criticality");
    const huge = await call(collection.POST, tokens.netops, {
      method: "POST",
      raw: JSON.stringify({ name: "big", criticality: "LOW", notes: "x".repeat(10 * 1024 * 1024) }),
    });
    expect(huge.status).toBe(400);
    const longNotes = await call(collection.POST, tokens.netops, {
      method: "POST",
      body: { name: "n", criticality: "LOW", notes: "x".repeat(10_001) },
    });
    expect(longNotes.status).toBe(400);
    const badQuery = await call(collection.GET, tokens.netops, { query: "status=FINISHED" });
    expect(badQuery.status).toBe(400);
    expect(await db.protectSurface.count({ where: { createdById: surface.createdBy.id } })).toBe(before);
  });

  it("stale version → 409 with the current state; double sign-off and wrong team → 409", async () => {
    const { netops, secops, tokens, surface, name } = await setup();
    const edit = {
      name,
      criticality: "CRITICAL",
      netopsOwnerId: netops.id,
      secopsOwnerId: secops.id,
      elements: surface.elements,
      version: 1,
    };
    expect((await call(item.PUT, tokens.netops, { method: "PUT", body: edit, params: { id: surface.id } })).status).toBe(200);
    const stale = await call(item.PUT, tokens.secops, { method: "PUT", body: { ...edit, notes: "late" }, params: { id: surface.id } });
    expect(stale.status).toBe(409);
    expect(stale.json.error.current).toMatchObject({ id: surface.id, version: 2, criticality: "CRITICAL" });

    expect((await call(submit.POST, tokens.netops, { method: "POST", params: { id: surface.id } })).status).toBe(200);
    const byToken = await call(signoffs.POST, tokens.netops, { method: "POST", params: { id: surface.id } });
    expect(byToken.status).toBe(403);
    expect(byToken.json.error.message).toMatch(/An API token cannot sign off/);
    expect(await db.surfaceSignOff.count({ where: { surfaceId: surface.id } })).toBe(0);
    expect((await inPerson(netops, signoffs.POST, { method: "POST", params: { id: surface.id } })).status).toBe(200);
    const twice = await inPerson(netops, signoffs.POST, { method: "POST", params: { id: surface.id } });
    expect(twice.status).toBe(409);
    expect(twice.json.error.code).toBe("already_signed");
    const outsider = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    const wrong = await inPerson(outsider, signoffs.POST, { method: "POST", params: { id: surface.id } });
    expect(wrong.status).toBe(409);
    const staleSignOff = await inPerson(secops, signoffs.POST, { method: "POST", body: { version: 1 }, params: { id: surface.id } });
    expect(staleSignOff.status).toBe(409);
    const agreed = await inPerson(secops, signoffs.POST, { method: "POST", body: { version: 2 }, params: { id: surface.id } });
    expect(agreed.json.status).toBe("AGREED");
    const signOffAudit = await db.auditEvent.findFirstOrThrow({
      where: { entityId: surface.id, action: "surface.signoff", actorId: secops.id },
    });
    expect(signOffAudit).toMatchObject({ authMethod: "session", authId: "00000000-0000-4000-8000-0000000000aa" });
  });

  it("applies the roles: viewers and executives read, only admins delete", async () => {
    const { tokens, surface } = await setup();
    const viewer = await tokenFor(await createTestUser("NETOPS", ["VIEWER"]));
    const executive = await tokenFor(await createTestUser("LEADERSHIP", ["EXECUTIVE"]));
    const admin = await tokenFor(await createTestUser("LEADERSHIP", ["ADMIN"]));
    expect((await call(item.GET, viewer, { params: { id: surface.id } })).status).toBe(200);
    expect((await call(collection.GET, executive)).status).toBe(200);
    expect((await call(collection.POST, viewer, { method: "POST", body: { name: "v", criticality: "LOW" } })).status).toBe(403);
    expect((await call(signoffs.POST, executive, { method: "POST", params: { id: surface.id } })).status).toBe(403);
    expect((await call(item.DELETE, tokens.netops, { method: "DELETE", params: { id: surface.id } })).status).toBe(403);
    expect((await call(item.DELETE, admin, { method: "DELETE", params: { id: surface.id } })).status).toBe(200);
    expect((await call(item.GET, viewer, { params: { id: surface.id } })).status).toBe(404);
  });

  it("import reports each record's errors and imports nothing when one is invalid", async () => {
    const { tokens } = await setup();
    const name = `Imported ${uniqueSuffix()}`;
    const result = await call(importRoute.POST, tokens.netops, {
      method: "POST",
      body: {
        surfaces: [
          { name, criticality: "LOW" },
          { name: "x", criticality: "NOPE", elements: [{ type: "DATA" }] },
        ],
      },
    });
    expect(result.status).toBe(400);
    const paths = result.json.error.fields.map((field: { path: string }) => field.path);
    expect(paths).toEqual(
      expect.arrayContaining(["surfaces.1.criticality", "surfaces.1.elements.0.name", "surfaces.1.elements.0.classification"]),
    );
    expect(await db.protectSurface.count({ where: { name } })).toBe(0);
  });
});
