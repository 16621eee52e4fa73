import crypto from "node:crypto";
import zlib from "node:zlib";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hashApiToken } from "@/lib/auth/sessions";
import { contextFor, createTestUser, uniqueSuffix } from "@/lib/test/factories";
import { createEdge, createNode, getMap } from "@/lib/maps/service";
import { createServiceAccount } from "@/lib/tokens/service-accounts";
import { POST as importRoute } from "@/app/api/v1/surfaces/[id]/discovery/imports/route";
import { POST as undoRoute } from "@/app/api/v1/discovery/imports/[id]/undo/route";
import { loadReconciliation } from "./reconciliation";
import { proposeGhosts, undoImport } from "./service";

const V2_HEADER = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";

/** A VPC flow log v2 line as AWS writes it. */
function vpcLine(source: string, destination: string, port: number, start: number, action = "ACCEPT", protocol = 6): string {
  return `2 123456789012 eni-0a1b2c3d4e ${source} ${destination} ${40000 + (start % 1000)} ${port} ${protocol} 10 840 ${start} ${start + 60} ${action} OK`;
}

async function tokenFor(userId: string): Promise<string> {
  const token = crypto.randomBytes(24).toString("base64url");
  await db.apiToken.create({ data: { name: "collector", tokenHash: hashApiToken(token), userId, createdById: userId, scopes: [] } });
  return token;
}

function post(surfaceId: string, token: string, body: string | Uint8Array, query = "format=vpc&source=collector") {
  const request = new NextRequest(`http://localhost/api/v1/surfaces/${surfaceId}/discovery/imports?${query}`, {
    method: "POST",
    body: typeof body === "string" ? body : new Blob([new Uint8Array(body)]),
    headers: { authorization: `Bearer ${token}`, "content-type": "application/octet-stream" },
  });
  return importRoute(request, { params: Promise.resolve({ id: surfaceId }) });
}

async function workshop() {
  const netops = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
  const admin = await createTestUser("SECOPS", ["ADMIN"]);
  const surface = await db.protectSurface.create({
    data: {
      name: `Discovery API ${uniqueSuffix()}`,
      classification: "CONFIDENTIAL",
      criticality: "HIGH",
      contentHash: "test",
      createdById: netops.id,
    },
  });
  const context = contextFor(netops);
  const web = await createNode(context, surface.id, { kind: "WORKLOAD", label: "web", addresses: ["10.0.0.10"] });
  const db1 = await createNode(context, surface.id, { kind: "DATASTORE", label: "db", addresses: ["10.0.1.0/24"] });
  const cache = await createNode(context, surface.id, { kind: "SERVICE", label: "cache", addresses: ["10.0.2.5"] });
  const drawn = await createEdge(context, surface.id, { sourceId: web.id, targetId: db1.id, protocol: "TCP", ports: "5432" });
  const unseen = await createEdge(context, surface.id, { sourceId: web.id, targetId: cache.id, protocol: "TCP", ports: "11211" });
  const collector = await createServiceAccount(contextFor(admin), { name: `collector ${uniqueSuffix()}`, roles: ["CONTRIBUTOR"] });
  return { netops, admin, surface, web, db1, cache, drawn, unseen, token: await tokenFor(collector.id) };
}

const start = Math.floor(Date.now() / 1000) - 3600;

describe("discovery through the API", () => {
  it("imports a gzip VPC log pushed by a service account, reconciles it and proposes two ghost edges", async () => {
    const { surface, web, db1, cache, drawn, unseen, token, netops } = await workshop();
    const log = [
      V2_HEADER,
      vpcLine("10.0.0.10", "10.0.1.7", 5432, start),
      vpcLine("10.0.0.10", "10.0.1.8", 5432, start + 5),
      vpcLine("10.0.0.10", "10.0.1.7", 22, start + 9),
      vpcLine("10.0.2.5", "10.0.1.7", 6379, start + 12),
      vpcLine("10.0.2.5", "10.0.1.7", 3306, start + 14, "REJECT"),
      vpcLine("192.0.2.44", "10.0.1.7", 5432, start + 20),
      "this is not a flow log line",
    ].join("\n");
    const response = await post(surface.id, token, zlib.gzipSync(log));
    const body = (await response.json()) as {
      status: string;
      linesAccepted: number;
      linesRejected: number;
      rejects: Array<{ line: number }>;
      createdByLabel: string;
    };
    expect(response.status).toBe(201);
    expect(body).toMatchObject({ status: "DONE", linesAccepted: 6, linesRejected: 1, rejects: [{ line: 8 }] });

    const overlay = await loadReconciliation(surface.id);
    expect(overlay.flows.find((flow) => flow.edgeId === drawn.id)).toMatchObject({ seen: true, connections: 2 });
    expect(overlay.flows.find((flow) => flow.edgeId === unseen.id)).toMatchObject({ seen: false, connections: 0 });
    expect(overlay.ghosts.map((ghost) => [ghost.sourceId, ghost.targetId, ghost.port, ghost.deniedOnly])).toEqual(
      expect.arrayContaining([
        [web.id, db1.id, 22, false],
        [cache.id, db1.id, 6379, false],
        [cache.id, db1.id, 3306, true],
      ]),
    );
    expect(overlay.unmapped.map((group) => group.group)).toEqual(["192.0.2.0/24"]);

    const proposed = await proposeGhosts(contextFor(netops), surface.id, {
      ghosts: [
        { sourceId: web.id, targetId: db1.id, protocol: "TCP", port: 22 },
        { sourceId: cache.id, targetId: db1.id, protocol: "TCP", port: 6379 },
      ],
      justification: "",
    });
    expect(proposed.proposed).toBe(2);
    const map = await getMap(contextFor(netops), surface.id);
    const created = map.edges.filter((edge) => proposed.edgeIds.includes(edge.id));
    expect(created.map((edge) => [edge.status, edge.ports]).sort()).toEqual([
      ["PROPOSED", "22"],
      ["PROPOSED", "6379"],
    ]);
    const after = await loadReconciliation(surface.id);
    expect(after.ghosts.map((ghost) => ghost.port)).toEqual([3306]);
  });

  it("refuses a file in another format within the first lines, naming the expected one, and writes no audit row", async () => {
    const { surface, token } = await workshop();
    const audits = await db.auditEvent.count();
    const response = await post(surface.id, token, '{"flow":{"verdict":"FORWARDED"}}\n'.repeat(20));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/VPC/i);
    expect(await db.auditEvent.count()).toBe(audits);
    const rows = await db.discoveryImport.findMany({ where: { surfaceId: surface.id } });
    expect(rows.map((row) => row.status)).toEqual(["FAILED"]);
  });

  it("lets an admin signed in undo an import exactly, and refuses the undo to an API token", async () => {
    const { surface, token, admin, drawn } = await workshop();
    const response = await post(surface.id, token, [V2_HEADER, vpcLine("10.0.0.10", "10.0.1.7", 5432, start)].join("\n"));
    const imported = (await response.json()) as { id: string };
    expect((await loadReconciliation(surface.id)).flows.find((flow) => flow.edgeId === drawn.id)?.seen).toBe(true);

    const adminToken = await tokenFor(admin.id);
    const refused = await undoRoute(
      new NextRequest(`http://localhost/api/v1/discovery/imports/${imported.id}/undo`, {
        method: "POST",
        headers: { authorization: `Bearer ${adminToken}` },
      }),
      {
        params: Promise.resolve({ id: imported.id }),
      },
    );
    expect(refused.status).toBe(403);

    const undone = await undoImport({ ...contextFor(admin), auth: { method: "session", sessionId: "test" } }, imported.id);
    expect(undone.status).toBe("UNDONE");
    expect((await loadReconciliation(surface.id)).flows.find((flow) => flow.edgeId === drawn.id)?.seen).toBe(false);
    expect(
      await db.auditEvent.count({ where: { entityId: imported.id, action: { in: ["discovery.import.create", "discovery.import.undo"] } } }),
    ).toBe(2);
  });
});
