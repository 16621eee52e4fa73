import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { contextFor, createTestUser, uniqueSuffix } from "@/lib/test/factories";
import { ZCreateSurface } from "@/lib/surfaces/schemas";
import { createSurface, signOffSurface, submitSurface } from "@/lib/surfaces/service";
import { MAP_DOCUMENT_FORMAT } from "./model/document";
import { createEdge, createNode, getMap, importMap, updateEdge } from "./service";

/** A surface with both owners, in review, and a map of two nodes. */
async function surfaceInReview() {
  const netops = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
  const secops = await createTestUser("SECOPS", ["CONTRIBUTOR"]);
  const surface = await createSurface(
    contextFor(netops),
    ZCreateSurface.parse({
      name: `Joint ${uniqueSuffix()}`,
      criticality: "HIGH",
      netopsOwnerId: netops.id,
      secopsOwnerId: secops.id,
      elements: [{ type: "DATA", name: "Vault", classification: "RESTRICTED" }],
    }),
  );
  await submitSurface(contextFor(netops), surface.id);
  const web = await createNode(contextFor(netops), surface.id, { kind: "WORKLOAD", label: "web" });
  const vault = await createNode(contextFor(netops), surface.id, { kind: "DATASTORE", label: "vault" });
  return { netops, secops, surface, web, vault };
}

const flow = (sourceId: string, targetId: string, ports = "5432") => ({
  sourceId,
  targetId,
  protocol: "TCP" as const,
  ports,
  encryption: "TLS" as const,
});

async function snapshot(surfaceId: string) {
  const map = await db.flowMap.findUniqueOrThrow({ where: { surfaceId } });
  return {
    version: map.version,
    edges: await db.flowEdge.count({ where: { mapId: map.id } }),
    audit: await db.auditEvent.count({
      where: { OR: [{ entityId: map.id }, { action: { startsWith: "map." }, after: { path: ["surfaceId"], equals: surfaceId } }] },
    }),
  };
}

describe("explicit trust is a joint decision", () => {
  it("refuses to create a flow as APPROVED, with the field and the reason, writing nothing", async () => {
    const { netops, surface, web, vault } = await surfaceInReview();
    const before = await snapshot(surface.id);
    const error = await createEdge(contextFor(netops), surface.id, { ...flow(web.id, vault.id), status: "APPROVED" }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).status).toBe(400);
    expect((error as ValidationError).fields).toEqual([
      { path: "operations.0.edge.status", message: expect.stringContaining("cannot be set to APPROVED by editing the map") },
    ]);
    expect(await snapshot(surface.id)).toEqual(before);
  });

  it("refuses to approve a proposed, observed or denied flow by editing it, and keeps it as it was", async () => {
    const { netops, surface, web, vault } = await surfaceInReview();
    for (const status of ["PROPOSED", "OBSERVED", "DENIED"] as const) {
      const edge = await createEdge(contextFor(netops), surface.id, {
        ...flow(web.id, vault.id, String(5000 + ["PROPOSED", "OBSERVED", "DENIED"].indexOf(status))),
        status,
      });
      const before = await snapshot(surface.id);
      await expect(updateEdge(contextFor(netops), surface.id, edge.id, edge.version, { status: "APPROVED" })).rejects.toThrow(
        /cannot approve a flow/,
      );
      expect(await db.flowEdge.findUniqueOrThrow({ where: { id: edge.id } })).toMatchObject({ status, version: edge.version });
      expect(await snapshot(surface.id)).toEqual(before);
    }
  });

  it("refuses an import that would approve flows, importing nothing", async () => {
    const { netops, surface } = await surfaceInReview();
    const before = await snapshot(surface.id);
    const file = {
      format: MAP_DOCUMENT_FORMAT,
      version: 1,
      nodes: [
        { id: "a", kind: "WORKLOAD", label: "a" },
        { id: "b", kind: "DATASTORE", label: "b" },
      ],
      edges: [{ sourceId: "a", targetId: "b", protocol: "TCP", ports: "443", status: "APPROVED" }],
    };
    const error = await importMap(contextFor(netops), surface.id, file).catch((caught: unknown) => caught);
    expect((error as ValidationError).fields).toEqual([
      { path: "edges.0.status", message: expect.stringContaining("cannot be set to APPROVED") },
    ]);
    expect(await snapshot(surface.id)).toEqual(before);
  });

  it("re-proposes an approved flow whose content is edited by hand, but not one only re-justified or denied", async () => {
    const { netops, surface, web, vault } = await surfaceInReview();
    const edge = await createEdge(contextFor(netops), surface.id, flow(web.id, vault.id));
    // Approved as a verified change approves it.
    await db.flowEdge.update({ where: { id: edge.id }, data: { status: "APPROVED" } });
    const justified = await updateEdge(contextFor(netops), surface.id, edge.id, edge.version, { justification: "ledger reads" });
    expect(justified.status).toBe("APPROVED");
    const widened = await updateEdge(contextFor(netops), surface.id, edge.id, justified.version, { ports: "1-65535" });
    expect(widened).toMatchObject({ status: "PROPOSED", ports: "1-65535" });
  });

  it("the owners' agreement approves the proposed flows both signers saw; a flow proposed after the first sign-off, and observed ones, stay as they are", async () => {
    const { netops, secops, surface, web, vault } = await surfaceInReview();
    const seen = await createEdge(contextFor(netops), surface.id, flow(web.id, vault.id, "5432"));
    const observed = await createEdge(contextFor(netops), surface.id, { ...flow(web.id, vault.id, "445"), status: "OBSERVED" });
    await signOffSurface(contextFor(netops), surface.id);
    const late = await createEdge(contextFor(secops), surface.id, flow(web.id, vault.id, "22"));
    const agreed = await signOffSurface(contextFor(secops), surface.id);
    expect(agreed.status).toBe("AGREED");
    const map = await getMap(contextFor(netops), surface.id);
    const statusOf = (id: string) => map.edges.find((edge) => edge.id === id)?.status;
    expect(statusOf(seen.id)).toBe("APPROVED");
    expect(statusOf(observed.id)).toBe("OBSERVED");
    expect(statusOf(late.id)).toBe("PROPOSED");
    expect(await db.auditEvent.count({ where: { action: "map.edge.update", entityId: seen.id, actorId: secops.id } })).toBe(1);
  });
});
