import { z } from "zod";
import { zInt32, zQueryInt32, zIsoDateTime } from "@/lib/api/bounds";
import { Encryption, FlowAuthentication, FlowStatus, NodeKind, Protocol } from "@/lib/db/generated/enums";
import { ZClassification, ZDaasType, ZSurfaceStatus } from "@/lib/surfaces/schemas";
import { ZId } from "@/lib/users/schemas";
import type { TAssert, TEdgeData, TNodeData, TSameKeys } from "./fields";
import { isAddress } from "./addresses";

// The enums are the database's own (Prisma's generated enums), in the order the schema lists them.
export const ZNodeKind = z.enum(NodeKind).meta({ id: "NodeKind" });
export const ZFlowStatus = z.enum(FlowStatus).meta({ id: "FlowStatus" });
export const ZProtocol = z.enum(Protocol).meta({ id: "Protocol" });
export const ZEncryption = z.enum(Encryption).meta({ id: "Encryption" });
export const ZAuthentication = z.enum(FlowAuthentication).meta({ id: "FlowAuthentication" });
export { ZClassification };

export const NODE_KINDS = ZNodeKind.options;
export const FLOW_STATUSES = ZFlowStatus.options;
export const PROTOCOLS = ZProtocol.options;
export const ENCRYPTIONS = ZEncryption.options;
export const AUTHENTICATIONS = ZAuthentication.options;
export const CLASSIFICATIONS = ZClassification.options;

export type TNodeKind = z.infer<typeof ZNodeKind>;
export type TFlowStatus = z.infer<typeof ZFlowStatus>;
export type TProtocol = z.infer<typeof ZProtocol>;
export type TEncryption = z.infer<typeof ZEncryption>;
export type TAuthentication = z.infer<typeof ZAuthentication>;
export type TClassification = z.infer<typeof ZClassification>;

export const ZSurfaceParams = z.object({ id: ZId });
export const ZNodeParams = z.object({ id: ZId, nodeId: ZId });
export const ZEdgeParams = z.object({ id: ZId, edgeId: ZId });

const LABEL_KEY = /^[A-Za-z0-9]([\w./-]{0,62})$/;
const coordinate = z.number("must be a number").finite().min(-1_000_000).max(1_000_000);
const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);

const ZSelectorLabels = z
  .record(
    z.string().regex(LABEL_KEY, "keys are letters, digits, '.', '_', '/' or '-'"),
    z.string().max(63, "values are at most 63 characters"),
  )
  .refine((labels) => Object.keys(labels).length <= 30, "at most 30 labels");

const ZAddresses = z
  .array(z.string().trim().refine(isAddress, "must be a CIDR, an IP address or a hostname"))
  .max(50, "at most 50 addresses");

/** Every field of a node a person can set; the create schema fills in defaults. */
const nodeFields = {
  kind: ZNodeKind,
  label: text(120).min(1, "is required"),
  identity: text(300),
  labels: ZSelectorLabels,
  addresses: ZAddresses,
  zoneId: ZId.nullable(),
  environment: text(40),
  notes: text(4000),
  daasElementId: ZId.nullable(),
  x: coordinate,
  y: coordinate,
  width: z.number().min(40).max(5000).nullable(),
  height: z.number().min(30).max(5000).nullable(),
} satisfies Record<keyof TNodeData, z.ZodType>;

export const ZNodeCreate = z
  .object({
    /** Optional: paste, import and undo bring their own ids so a batch can wire edges to them. */
    id: ZId.optional(),
    kind: nodeFields.kind,
    label: nodeFields.label,
    identity: nodeFields.identity.default(""),
    labels: nodeFields.labels.default({}),
    addresses: nodeFields.addresses.default([]),
    zoneId: nodeFields.zoneId.default(null),
    environment: nodeFields.environment.default(""),
    notes: nodeFields.notes.default(""),
    daasElementId: nodeFields.daasElementId.default(null),
    x: nodeFields.x.default(0),
    y: nodeFields.y.default(0),
    width: nodeFields.width.default(null),
    height: nodeFields.height.default(null),
  })
  .strict()
  .meta({ id: "MapNodeCreate" });
export type TNodeCreate = z.infer<typeof ZNodeCreate>;

export const ZNodePatch = z.object(nodeFields).partial().strict().meta({ id: "MapNodePatch" });
export type TNodePatch = z.infer<typeof ZNodePatch>;

/** The methods an L7 HTTP rule may name (RFC 9110 and PATCH); empty: any method. */
export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"] as const;
export const ZHttpMethod = z
  .string()
  .trim()
  .refine(
    (method) => method === "" || (HTTP_METHODS as readonly string[]).includes(method),
    `must be one of ${HTTP_METHODS.join(", ")}, or empty for any`,
  );
/** An absolute path pattern (a regular expression over the request path, as Cilium and Envoy read it); empty: any path. */
export const ZHttpPath = z
  .string()
  .trim()
  .max(500, "must be at most 500 characters")
  .refine((path) => path === "" || /^\/\S*$/.test(path), "must be an absolute path starting with / and without spaces")
  .refine((path) => {
    try {
      new RegExp(path);
      return true;
    } catch {
      return false;
    }
  }, "must be a valid path pattern (a regular expression)");

const ZCounter = z.number().int("must be a whole number").min(0).max(Number.MAX_SAFE_INTEGER).nullable();
const ZTimestamp = zIsoDateTime().nullable();

const edgeFields = {
  sourceId: ZId,
  targetId: ZId,
  protocol: ZProtocol,
  ports: z.string().trim().max(200, "must be at most 200 characters"),
  appProtocol: text(40),
  principal: text(300),
  httpMethod: ZHttpMethod,
  httpPath: ZHttpPath,
  encryption: ZEncryption,
  authentication: ZAuthentication,
  status: ZFlowStatus,
  justification: text(2000),
  ownerId: ZId.nullable(),
  statementId: ZId.nullable(),
  connections: ZCounter,
  bytes: ZCounter,
  firstSeen: ZTimestamp,
  lastSeen: ZTimestamp,
} satisfies Record<keyof TEdgeData, z.ZodType>;

export const ZEdgeCreate = z
  .object({
    id: ZId.optional(),
    sourceId: edgeFields.sourceId,
    targetId: edgeFields.targetId,
    protocol: edgeFields.protocol.default("TCP"),
    ports: edgeFields.ports.default(""),
    appProtocol: edgeFields.appProtocol.default(""),
    principal: edgeFields.principal.default(""),
    httpMethod: edgeFields.httpMethod.default(""),
    httpPath: edgeFields.httpPath.default(""),
    encryption: edgeFields.encryption.default("NONE"),
    authentication: edgeFields.authentication.default("NONE"),
    status: edgeFields.status.default("PROPOSED"),
    justification: edgeFields.justification.default(""),
    ownerId: edgeFields.ownerId.default(null),
    statementId: edgeFields.statementId.default(null),
    connections: edgeFields.connections.default(null),
    bytes: edgeFields.bytes.default(null),
    firstSeen: edgeFields.firstSeen.default(null),
    lastSeen: edgeFields.lastSeen.default(null),
  })
  .strict()
  .meta({ id: "MapEdgeCreate" });
export type TEdgeCreate = z.infer<typeof ZEdgeCreate>;

export const ZEdgePatch = z.object(edgeFields).partial().strict().meta({ id: "MapEdgePatch" });
export type TEdgePatch = z.infer<typeof ZEdgePatch>;

/** A node as stored and served. Positions are relative to the containing zone, as React Flow draws them. */
export const ZMapNode = z
  .object({
    id: ZId,
    kind: ZNodeKind,
    label: z.string(),
    identity: z.string(),
    labels: z.record(z.string(), z.string()),
    addresses: z.array(z.string()),
    zoneId: ZId.nullable(),
    environment: z.string(),
    notes: z.string(),
    daasElementId: ZId.nullable(),
    x: z.number(),
    y: z.number(),
    width: z.number().nullable(),
    height: z.number().nullable(),
    version: z.number().int(),
  })
  .meta({ id: "MapNode" });
export type TMapNode = z.infer<typeof ZMapNode>;

export const ZMapEdge = z
  .object({
    id: ZId,
    sourceId: ZId,
    targetId: ZId,
    protocol: ZProtocol,
    ports: z.string(),
    appProtocol: z.string(),
    principal: z.string(),
    httpMethod: z.string(),
    httpPath: z.string(),
    encryption: ZEncryption,
    authentication: ZAuthentication,
    status: ZFlowStatus,
    justification: z.string(),
    ownerId: ZId.nullable(),
    statementId: ZId.nullable(),
    connections: z.number().nullable(),
    bytes: z.number().nullable(),
    firstSeen: z.string().nullable(),
    lastSeen: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: "MapEdge" });
export type TMapEdge = z.infer<typeof ZMapEdge>;

export const ZMapOperation = z
  .discriminatedUnion("op", [
    z.object({ op: z.literal("createNode"), node: ZNodeCreate }).strict(),
    z.object({ op: z.literal("updateNode"), id: ZId, version: zInt32().min(1), patch: ZNodePatch }).strict(),
    z.object({ op: z.literal("deleteNode"), id: ZId, version: zInt32().min(1) }).strict(),
    z.object({ op: z.literal("createEdge"), edge: ZEdgeCreate }).strict(),
    z.object({ op: z.literal("updateEdge"), id: ZId, version: zInt32().min(1), patch: ZEdgePatch }).strict(),
    z.object({ op: z.literal("deleteEdge"), id: ZId, version: zInt32().min(1) }).strict(),
  ])
  .meta({ id: "MapOperation" });
export type TMapOperation = z.infer<typeof ZMapOperation>;

export const BATCH_REASONS = ["edit", "paste", "layout", "import", "undo", "redo", "move"] as const;

export const ZMapBatch = z
  .object({
    operations: z.array(ZMapOperation).min(1, "needs at least one operation").max(5000, "at most 5000 operations"),
    reason: z.enum(BATCH_REASONS).default("edit"),
  })
  .strict()
  .meta({ id: "MapBatch" });
export type TMapBatch = z.infer<typeof ZMapBatch>;

export const ZVersionQuery = z.object({ version: zQueryInt32().min(1, "must be the version you hold") });

export const ZMapReadQuery = z.object({
  atVersion: zQueryInt32().min(0).optional(),
});

export const MAP_IMPORT_MODES = ["add", "replace"] as const;
/** "add" puts the file's elements beside the map's; "replace" removes everything on the map first, in the same edit. */
export const ZMapImportQuery = z.object({ mode: z.enum(MAP_IMPORT_MODES).default("add") });
export type TMapImportMode = (typeof MAP_IMPORT_MODES)[number];

export const ZHistoryQuery = z.object({
  after: zQueryInt32().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(2000).default(200),
});

export const ZEventsQuery = z.object({ after: zQueryInt32().min(0).optional() });

export const ZPresenceBody = z
  .object({
    connectionId: z.string().regex(/^[\w-]{8,64}$/, "must be the id of your open stream"),
    editing: ZId.nullable(),
    state: z.enum(["here", "left"]).default("here"),
  })
  .strict();
export type TPresenceBody = z.infer<typeof ZPresenceBody>;

export const ZMapElement = z.object({ id: ZId, type: ZDaasType, name: z.string(), classification: ZClassification });
export const ZMapStatement = z.object({ id: ZId, summary: z.string() });
export const ZMapPerson = z.object({ id: ZId, name: z.string(), team: z.string() });

export const ZFlowMap = z
  .object({
    surface: z.object({ id: ZId, name: z.string(), classification: ZClassification, status: ZSurfaceStatus }),
    mapId: ZId.nullable(),
    version: z.number().int(),
    nodes: z.array(ZMapNode),
    edges: z.array(ZMapEdge),
    elements: z.array(ZMapElement),
    statements: z.array(ZMapStatement),
    people: z.array(ZMapPerson),
  })
  .meta({ id: "FlowMap" });
export type TFlowMap = z.infer<typeof ZFlowMap>;

export const EVENT_KINDS = ["node.create", "node.update", "node.delete", "edge.create", "edge.update", "edge.delete"] as const;
export type TMapEventKind = (typeof EVENT_KINDS)[number];

export const ZMapEvent = z
  .object({
    mapVersion: z.number().int(),
    kind: z.enum(EVENT_KINDS),
    entityId: z.string(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    actor: z.object({ id: z.string(), name: z.string(), team: z.string() }).nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "MapEvent" });
export type TMapEvent = {
  mapVersion: number;
  kind: TMapEventKind;
  entityId: string;
  before: TMapNode | TMapEdge | null;
  after: TMapNode | TMapEdge | null;
  actor: { id: string; name: string; team: string } | null;
  createdAt: string;
};

export const ZMapEditResult = z
  .object({
    mapVersion: z.number().int(),
    nodes: z.array(ZMapNode),
    edges: z.array(ZMapEdge),
    deletedNodeIds: z.array(ZId),
    deletedEdgeIds: z.array(ZId),
  })
  .meta({ id: "MapEditResult" });
export type TMapEditResult = z.infer<typeof ZMapEditResult>;

export const ZNodeUpdate = ZNodePatch.extend({ version: zInt32().min(1, "must be the version you hold") }).meta({ id: "MapNodeUpdate" });
export const ZEdgeUpdate = ZEdgePatch.extend({ version: zInt32().min(1, "must be the version you hold") }).meta({ id: "MapEdgeUpdate" });

/** Layouts and imports of large maps exceed the default body limit. */
export const MAP_BATCH_MAX_BYTES = 8 * 1024 * 1024;

/** What callers may send: defaults filled in by parsing. */
export type TMapOperationInput = z.input<typeof ZMapOperation>;
export type TNodeCreateInput = z.input<typeof ZNodeCreate>;
export type TEdgeCreateInput = z.input<typeof ZEdgeCreate>;

/** Fails to compile when a create schema and the stored element (see `fields.ts`) disagree on their fields. */
export type TCreateSchemasMatchFields = [
  TAssert<TSameKeys<Omit<TNodeCreate, "id">, TNodeData>>,
  TAssert<TSameKeys<Omit<TEdgeCreate, "id">, TEdgeData>>,
];
