import { z } from "zod";
import type { TFieldError } from "@/lib/errors";
import { ZEdgeCreate, ZNodeCreate, type TFlowMap, type TMapOperation } from "./schemas";

/** The JSON a map is exported as and imported from. Ids are local to the file: import gives every element a fresh one. */
export const MAP_DOCUMENT_FORMAT = "concord.flow-map";

const ZLocalId = z.string().min(1, "is required").max(100);

export const ZMapDocument = z
  .object({
    format: z.literal(MAP_DOCUMENT_FORMAT, `must be "${MAP_DOCUMENT_FORMAT}"`),
    version: z.literal(1, "must be 1"),
    surface: z.object({ name: z.string() }).optional(),
    exportedAt: z.string().optional(),
    nodes: z
      .array(
        ZNodeCreate.omit({ id: true, zoneId: true })
          .extend({ id: ZLocalId, zoneId: ZLocalId.nullable().default(null) })
          .strict(),
      )
      .max(5000),
    edges: z
      .array(
        ZEdgeCreate.omit({ id: true, sourceId: true, targetId: true })
          .extend({ id: ZLocalId.optional(), sourceId: ZLocalId, targetId: ZLocalId })
          .strict(),
      )
      .max(10000),
  })
  .strict()
  .meta({ id: "MapDocument" });
export type TMapDocument = z.infer<typeof ZMapDocument>;

export function mapToDocument(map: TFlowMap, exportedAt: Date): TMapDocument {
  return {
    format: MAP_DOCUMENT_FORMAT,
    version: 1,
    surface: { name: map.surface.name },
    exportedAt: exportedAt.toISOString(),
    nodes: map.nodes.map(({ version: _version, ...node }) => node),
    edges: map.edges.map(({ version: _version, ...edge }) => edge),
  };
}

export type TImportPlan = { ok: true; operations: TMapOperation[]; documentPaths: string[] } | { ok: false; errors: TFieldError[] };

function zodErrors(error: z.ZodError): TFieldError[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join(".") || "(root)", message: issue.message }));
}

/**
 * Checks a file before anything is saved — shape, then references inside the file — and turns it
 * into create operations with fresh ids. `documentPaths[i]` is where operation i came from, so the
 * map's own rules can report their errors at the file's paths too.
 */
export function documentToOperations(input: unknown, newId: () => string): TImportPlan {
  const parsed = ZMapDocument.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodErrors(parsed.error) };
  const document = parsed.data;
  const errors: TFieldError[] = [];
  const ids = new Map<string, string>();
  document.nodes.forEach((node, index) => {
    if (ids.has(node.id)) errors.push({ path: `nodes.${index}.id`, message: `"${node.id}" is used by another node in this file` });
    else ids.set(node.id, newId());
  });
  document.nodes.forEach((node, index) => {
    if (node.zoneId !== null && !ids.has(node.zoneId))
      errors.push({ path: `nodes.${index}.zoneId`, message: `refers to "${node.zoneId}", which is not a node in this file` });
  });
  document.edges.forEach((edge, index) => {
    if (!ids.has(edge.sourceId))
      errors.push({ path: `edges.${index}.sourceId`, message: `refers to "${edge.sourceId}", which is not a node in this file` });
    if (!ids.has(edge.targetId))
      errors.push({ path: `edges.${index}.targetId`, message: `refers to "${edge.targetId}", which is not a node in this file` });
  });
  if (errors.length > 0) return { ok: false, errors };
  const operations: TMapOperation[] = [];
  const documentPaths: string[] = [];
  document.nodes.forEach((node, index) => {
    operations.push({
      op: "createNode",
      node: { ...node, id: ids.get(node.id)!, zoneId: node.zoneId === null ? null : ids.get(node.zoneId)! },
    });
    documentPaths.push(`nodes.${index}`);
  });
  document.edges.forEach((edge, index) => {
    operations.push({
      op: "createEdge",
      edge: { ...edge, id: newId(), sourceId: ids.get(edge.sourceId)!, targetId: ids.get(edge.targetId)! },
    });
    documentPaths.push(`edges.${index}`);
  });
  return { ok: true, operations, documentPaths };
}

/** Rewrites "operations.<i>.node.label" to the file's "nodes.<j>.label". */
export function toDocumentPath(path: string, documentPaths: string[]): string {
  const match = /^operations\.(\d+)\.(?:node|edge)\.?(.*)$/.exec(path);
  if (!match) return path;
  const base = documentPaths[Number(match[1])] ?? path;
  return match[2] ? `${base}.${match[2]}` : base;
}
