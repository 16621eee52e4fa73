import { db } from "@/lib/db";
import { createTestUser, uniqueSuffix } from "@/lib/test/factories";

/**
 * For integration tests: a Restricted surface whose protected ledger database accepts the ledger
 * app on TCP 5432 (an approved flow), made by a NetOps contributor. `addresses` puts the two nodes
 * on the network, for tests that replay observed traffic against them.
 */
export async function createLedgerSurface(options: { name: string; addresses?: { ledger: string; app: string } }) {
  const netops = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
  const suffix = uniqueSuffix();
  const surface = await db.protectSurface.create({
    data: {
      name: `${options.name} ${suffix}`,
      classification: "RESTRICTED",
      criticality: "HIGH",
      contentHash: suffix,
      createdById: netops.id,
    },
  });
  const element = await db.daasElement.create({
    data: { surfaceId: surface.id, type: "DATA", name: "Ledger", classification: "RESTRICTED" },
  });
  const map = await db.flowMap.create({ data: { surfaceId: surface.id } });
  const ledger = await db.flowNode.create({
    data: {
      mapId: map.id,
      kind: "DATASTORE",
      label: "Ledger DB",
      labels: { app: "ledger-db", namespace: "finance" },
      addresses: options.addresses ? [options.addresses.ledger] : [],
      daasElementId: element.id,
    },
  });
  const app = await db.flowNode.create({
    data: {
      mapId: map.id,
      kind: "WORKLOAD",
      label: "Ledger app",
      labels: { app: "ledger", namespace: "finance" },
      addresses: options.addresses ? [options.addresses.app] : [],
    },
  });
  const edge = await db.flowEdge.create({
    data: {
      mapId: map.id,
      sourceId: app.id,
      targetId: ledger.id,
      protocol: "TCP",
      ports: "5432",
      status: "APPROVED",
      justification: "books",
    },
  });
  return { netops, surface, ledger, app, edge };
}
