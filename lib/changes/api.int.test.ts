import crypto from "node:crypto";
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { hashApiToken } from "@/lib/auth/sessions";
import type { TActor } from "@/lib/auth/actor";
import { createTestUser, uniqueSuffix } from "@/lib/test/factories";
import { POST as createRoute } from "@/app/api/v1/changes/route";
import { GET as getRoute } from "@/app/api/v1/changes/[id]/route";
import { POST as submitRoute } from "@/app/api/v1/changes/[id]/submit/route";
import { POST as voteRoute } from "@/app/api/v1/changes/[id]/approvals/route";
import { POST as transitionRoute } from "@/app/api/v1/changes/[id]/transitions/route";
import { createSurfaceWithMap } from "./test-fixtures";

async function tokenFor(actor: TActor): Promise<string> {
  const token = crypto.randomBytes(24).toString("base64url");
  await db.apiToken.create({ data: { name: "test", tokenHash: hashApiToken(token), userId: actor.id, createdById: actor.id, scopes: [] } });
  return token;
}

type THandler = (request: NextRequest, route: { params: Promise<Record<string, string>> }) => Promise<Response>;

// Votes are cast in person: a call given an actor instead of a token comes with a signed-in session.
const signedIn = vi.hoisted(() => ({ actor: null as TActor | null }));
vi.mock("@/lib/auth/current", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/current")>()),
  getCurrentSession: async () =>
    signedIn.actor
      ? {
          actor: signedIn.actor,
          sessionId: "00000000-0000-4000-8000-0000000000bb",
          proof: { stepUpAt: new Date(), stepUpFactor: "password" as const, hasSecondFactor: false },
          mfaEnrolmentRequired: false,
        }
      : null,
}));

async function call(handler: THandler, caller: string | TActor, params: Record<string, string>, body?: unknown, method = "POST") {
  const request = new NextRequest("http://localhost/api/v1/changes", {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { "content-type": "application/json", ...(typeof caller === "string" ? { authorization: `Bearer ${caller}` } : {}) },
  });
  signedIn.actor = typeof caller === "string" ? null : caller;
  const response = await handler(request, { params: Promise.resolve(params) }).finally(() => {
    signedIn.actor = null;
  });
  return {
    status: response.status,
    json: (await response.json()) as Record<string, unknown> & { error?: { code: string; fields?: Array<{ path: string }> } },
  };
}

describe("changes over HTTP", () => {
  it("validates, authorizes and refuses self-approval, double votes and illegal moves with the right status", async () => {
    const requester = await createTestUser("NETOPS", ["CONTRIBUTOR", "CAB_MEMBER"]);
    const secCab = await createTestUser("SECOPS", ["CAB_MEMBER"]);
    const viewer = await createTestUser("NETOPS", ["VIEWER"]);
    const { surface, nodes } = await createSurfaceWithMap(requester);
    const [requesterToken, secToken, viewerToken] = await Promise.all([tokenFor(requester), tokenFor(secCab), tokenFor(viewer)]);
    const body = {
      title: `HTTP ${uniqueSuffix()}`,
      surfaceIds: [surface.id],
      environment: `env-${uniqueSuffix()}`,
      rollbackPlan: "revert",
      operations: [
        {
          kind: "ADD",
          surfaceId: surface.id,
          sourceNodeId: nodes.partner.id,
          targetNodeId: nodes.api.id,
          flow: { protocol: "TCP", ports: "443", encryption: "TLS", authentication: "TOKEN", justification: "x" },
        },
      ],
    };

    const bad = await call(
      createRoute as THandler,
      requesterToken,
      {},
      { ...body, title: "x", operations: [{ ...body.operations[0], flow: { ...body.operations[0]?.flow, ports: "70000" } }] },
    );
    expect(bad.status).toBe(400);
    expect(bad.json.error?.fields?.map((field) => field.path)).toEqual(
      expect.arrayContaining(["body.title", "body.operations.0.flow.ports"]),
    );
    expect((await call(createRoute as THandler, viewerToken, {}, body)).status).toBe(403);

    const created = await call(createRoute as THandler, requesterToken, {}, body);
    expect(created.status).toBe(201);
    const id = String(created.json.id);
    expect((await call(transitionRoute as THandler, requesterToken, { id }, { action: "verify" })).status).toBe(403);
    expect((await call(transitionRoute as THandler, requester, { id }, { action: "verify" })).status).toBe(409);
    expect((await call(submitRoute as THandler, requesterToken, { id })).json.state).toBe("CAB_REVIEW");

    const byToken = await call(voteRoute as THandler, secToken, { id }, { decision: "APPROVE" });
    expect(byToken).toMatchObject({ status: 403, json: { error: { code: "forbidden" } } });
    expect(await db.changeApproval.count({ where: { changeId: id } })).toBe(0);
    const self = await call(voteRoute as THandler, requester, { id }, { decision: "APPROVE" });
    expect(self).toMatchObject({ status: 409, json: { error: { code: "segregation_of_duties" } } });
    expect((await call(voteRoute as THandler, secCab, { id }, { decision: "APPROVE" })).status).toBe(200);
    expect((await call(voteRoute as THandler, secCab, { id }, { decision: "APPROVE" })).status).toBe(409);
    expect((await call(voteRoute as THandler, secCab, { id }, { decision: "REJECT" })).status).toBe(400);
    expect((await call(voteRoute as THandler, viewerToken, { id }, { decision: "APPROVE" })).status).toBe(403);

    const detail = await call(getRoute as THandler, viewerToken, { id }, undefined, "GET");
    expect(detail.json).toMatchObject({ change: { state: "CAB_REVIEW", approvalStatus: { teamsMissing: ["NETOPS"] } } });
    expect((await call(getRoute as THandler, viewerToken, { id: crypto.randomUUID() }, undefined, "GET")).status).toBe(404);
    expect((await call(getRoute as THandler, viewerToken, { id: "not-a-uuid" }, undefined, "GET")).status).toBe(400);
  });

  it("refuses a flow operation's HTTP method or path the map would refuse, naming the field, and writes nothing", async () => {
    const requester = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    const { surface, edge } = await createSurfaceWithMap(requester);
    const token = await tokenFor(requester);
    const flow = { protocol: "TCP", ports: "443", encryption: "TLS", authentication: "TOKEN", justification: "only tokens" };
    for (const [field, value] of [
      ["httpMethod", "FETCH"],
      ["httpPath", "v1/cards"],
      ["httpPath", "/v1/("],
    ] as const) {
      const response = await call(
        createRoute,
        token,
        {},
        {
          title: "Narrow to one call",
          surfaceIds: [surface.id],
          operations: [{ kind: "MODIFY", surfaceId: surface.id, edgeId: edge.id, flow: { ...flow, [field]: value } }],
        },
      );
      expect(response.status).toBe(400);
      expect(response.json.error?.fields?.map((entry) => entry.path)).toEqual([`body.operations.0.flow.${field}`]);
    }
    expect(await db.change.count({ where: { requesterId: requester.id } })).toBe(0);
  });
});
