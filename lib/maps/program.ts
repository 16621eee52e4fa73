import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import type { TActorContext } from "@/lib/auth/actor";
import { flowWarnings, type TFlowWarning } from "./model/appearance";
import { orderParentsFirst } from "./model/geometry";
import { ZClassification, ZEncryption, ZFlowStatus, ZProtocol, type TFlowMap } from "./model/schemas";
import { toMapEdge, toMapNode } from "./mappers";

/** Drill-down filters of the whole-program view, as they appear in the URL (`?status=APPROVED&encryption=NONE`). */
export const ZProgramFilter = z.object({
  status: ZFlowStatus.optional(),
  encryption: ZEncryption.optional(),
  classification: ZClassification.optional(),
  protocol: ZProtocol.optional(),
  surface: z.uuid().optional(),
  warning: z.enum(["unencrypted-sensitive", "approved-unjustified"]).optional(),
  q: z.string().trim().max(100).optional(),
});
export type TProgramFilter = z.infer<typeof ZProgramFilter>;

/** Keeps the filters that parse and names the ones that do not, so a bad link still shows something useful. */
export function parseProgramFilter(params: Record<string, string | string[] | undefined>): { filter: TProgramFilter; ignored: string[] } {
  const filter: Record<string, unknown> = {};
  const ignored: string[] = [];
  for (const [key, schema] of Object.entries(ZProgramFilter.shape)) {
    const raw = params[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value === "") continue;
    const parsed = schema.safeParse(value);
    if (parsed.success) filter[key] = parsed.data;
    else ignored.push(key);
  }
  return { filter: filter as TProgramFilter, ignored };
}

export type TProgramFlow = {
  id: string;
  surface: { id: string; name: string; classification: string };
  source: string;
  target: string;
  protocol: string;
  ports: string;
  appProtocol: string;
  encryption: string;
  status: string;
  justification: string;
  warnings: TFlowWarning[];
};

export type TProgramMap = {
  maps: Array<Pick<TFlowMap, "surface" | "nodes" | "edges" | "elements">>;
  flows: TProgramFlow[];
  totalFlows: number;
};

/** Every surface's map together, and the flows matching the filters (the dashboard's drill-downs land here). */
export async function getProgramMap(context: TActorContext, filter: TProgramFilter): Promise<TProgramMap> {
  assertCan(context.actor, "map.read");
  const rows = await db.flowMap.findMany({
    where: filter.surface
      ? { surfaceId: filter.surface }
      : filter.classification
        ? { surface: { classification: filter.classification } }
        : {},
    include: {
      surface: {
        select: {
          id: true,
          name: true,
          classification: true,
          status: true,
          elements: { select: { id: true, type: true, name: true, classification: true } },
        },
      },
      nodes: true,
      edges: true,
    },
    orderBy: { surface: { name: "asc" } },
  });
  const maps = rows.map((row) => ({
    surface: { id: row.surface.id, name: row.surface.name, classification: row.surface.classification, status: row.surface.status },
    elements: row.surface.elements,
    nodes: orderParentsFirst(row.nodes.map(toMapNode)),
    edges: row.edges.map(toMapEdge),
  }));
  const flows: TProgramFlow[] = [];
  let totalFlows = 0;
  const query = filter.q?.toLowerCase();
  for (const map of maps) {
    const nodes = new Map(map.nodes.map((node) => [node.id, node]));
    const classificationOf = (id: string) => map.elements.find((element) => element.id === id)?.classification;
    for (const edge of map.edges) {
      totalFlows += 1;
      const warnings = flowWarnings(edge, nodes.get(edge.targetId), classificationOf);
      const source = nodes.get(edge.sourceId)?.label ?? "?";
      const target = nodes.get(edge.targetId)?.label ?? "?";
      if (filter.status && edge.status !== filter.status) continue;
      if (filter.encryption && edge.encryption !== filter.encryption) continue;
      if (filter.protocol && edge.protocol !== filter.protocol) continue;
      if (filter.warning && !warnings.some((warning) => warning.code === filter.warning)) continue;
      if (
        query &&
        ![source, target, edge.appProtocol, edge.ports, edge.justification, map.surface.name].join(" ").toLowerCase().includes(query)
      )
        continue;
      flows.push({
        id: edge.id,
        surface: { id: map.surface.id, name: map.surface.name, classification: map.surface.classification },
        source,
        target,
        protocol: edge.protocol,
        ports: edge.ports,
        appProtocol: edge.appProtocol,
        encryption: edge.encryption,
        status: edge.status,
        justification: edge.justification,
        warnings,
      });
    }
  }
  return { maps, flows, totalFlows };
}
