import crypto from "node:crypto";
import { db } from "@/lib/db";
import { systemContext } from "@/lib/auth/actor";
import { writeMapOperations } from "@/lib/maps/service";
import type { TMapOperation, TNodeKind } from "@/lib/maps/model/schemas";

const KINDS: TNodeKind[] = ["WORKLOAD", "SERVICE", "DATASTORE", "USER_GROUP", "DEVICE", "EXTERNAL"];

/** A fresh surface with a generated map of `nodes` nodes (a tenth of them in zones) and `edges` flows. */
export async function createBenchMap(nodes: number, edges: number): Promise<string> {
  const owner = await db.user.findFirst({ orderBy: { createdAt: "asc" }, select: { id: true } });
  const creator =
    owner ??
    (await db.user.create({
      data: { email: `bench-${crypto.randomUUID()}@bench.example`, name: "Bench", team: "NETOPS", roles: ["CONTRIBUTOR"] },
    }));
  const surface = await db.protectSurface.create({
    data: {
      name: `Bench map ${nodes}/${edges} ${crypto.randomBytes(3).toString("hex")}`,
      classification: "CONFIDENTIAL",
      criticality: "LOW",
      contentHash: "bench",
      createdById: creator.id,
      tags: ["bench"],
    },
  });
  const zoneCount = Math.max(1, Math.round(nodes / 50));
  const ids = Array.from({ length: nodes }, () => crypto.randomUUID());
  const columns = Math.ceil(Math.sqrt(nodes));
  const operations: TMapOperation[] = ids.map((id, index) => {
    const isZone = index < zoneCount;
    const inZone = !isZone && index % 10 === 0;
    return {
      op: "createNode",
      node: {
        id,
        kind: isZone ? "ZONE" : KINDS[index % KINDS.length]!,
        label: `${isZone ? "zone" : "node"}-${index}`,
        identity: "",
        labels: { tier: String(index % 4) },
        addresses: [`10.${Math.floor(index / 250)}.${index % 250}.0/24`],
        zoneId: inZone ? ids[index % zoneCount]! : null,
        environment: "bench",
        notes: "",
        daasElementId: null,
        x: inZone ? 20 + (index % 3) * 200 : (index % columns) * 240,
        y: inZone ? 40 + (index % 2) * 80 : Math.floor(index / columns) * 120,
        width: isZone ? 640 : null,
        height: isZone ? 220 : null,
      },
    };
  });
  const seen = new Set<string>();
  for (let index = 0; seen.size < edges; index += 1) {
    const source = zoneCount + ((index * 7919) % (nodes - zoneCount));
    const target = zoneCount + ((index * 104_729 + 13) % (nodes - zoneCount));
    const port = 1000 + (index % 5000);
    const key = `${source}-${target}-${port}`;
    if (source === target || seen.has(key)) continue;
    seen.add(key);
    operations.push({
      op: "createEdge",
      edge: {
        id: crypto.randomUUID(),
        sourceId: ids[source]!,
        targetId: ids[target]!,
        protocol: "TCP",
        ports: String(port),
        appProtocol: "",
        principal: "",
        httpMethod: "",
        httpPath: "",
        encryption: index % 3 === 0 ? "NONE" : "TLS",
        authentication: "NONE",
        status: (["OBSERVED", "PROPOSED", "DENIED"] as const)[index % 3]!,
        justification: index % 5 === 0 ? "" : "bench",
        ownerId: null,
        statementId: null,
        connections: null,
        bytes: null,
        firstSeen: null,
        lastSeen: null,
      },
    });
  }
  await db.$transaction(
    (tx) =>
      writeMapOperations(tx, {
        context: systemContext("bench"),
        surfaceId: surface.id,
        operations,
        reason: "import",
        reopenAgreed: false,
        jointApproval: true,
      }),
    { timeout: 600_000, maxWait: 60_000 },
  );
  return surface.id;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;
