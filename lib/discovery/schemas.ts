import { z } from "zod";
import { zQueryInt32 } from "@/lib/api/bounds";
import { FLOW_LOG_FORMATS } from "./records";

export const ZId = z.uuid("must be a valid id");
export const ZFlowLogFormat = z.enum(FLOW_LOG_FORMATS, `must be one of ${FLOW_LOG_FORMATS.join(", ")}`).meta({ id: "FlowLogFormat" });

const ZSourceName = z
  .string()
  .trim()
  .min(1, "is required")
  .max(200, "must be at most 200 characters")
  .regex(/^[^\u0000-\u001f]+$/, "must not contain control characters");

/** The query of a streamed import: the body is the file itself (plain or gzip), never JSON. */
export const ZImportQuery = z
  .object({
    format: ZFlowLogFormat,
    source: ZSourceName.default("upload"),
    strict: z
      .enum(["true", "false"], "must be true or false")
      .default("false")
      .transform((value) => value === "true"),
    /** Chosen by the client so it can follow the import's progress while it uploads. */
    importId: ZId.optional(),
    /** VPC flow logs with a custom format and no header line: the fields in order, space-separated. */
    fields: z
      .string()
      .trim()
      .max(2000, "must be at most 2000 characters")
      .regex(/^[a-z0-9 -]*$/, "must be field names separated by spaces")
      .optional(),
  })
  .meta({ id: "DiscoveryImportQuery" });
export type TImportQuery = z.infer<typeof ZImportQuery>;

export const ZSurfaceParams = z.object({ id: ZId });
export const ZImportParams = z.object({ id: ZId });

export const ZImportListQuery = z.object({
  surfaceId: ZId.optional(),
  limit: zQueryInt32().pipe(z.number().min(1, "must be at least 1").max(200, "must be at most 200")).default(50),
});

export const ZImportStatus = z.enum(["RUNNING", "DONE", "CANCELLED", "FAILED", "UNDONE"]).meta({ id: "DiscoveryImportStatus" });

export const ZDiscoveryImport = z
  .object({
    id: z.string(),
    surfaceId: z.string(),
    surfaceName: z.string(),
    format: z.string(),
    sourceName: z.string(),
    strict: z.boolean(),
    status: ZImportStatus,
    createdByLabel: z.string(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    bytesRead: z.number(),
    linesRead: z.number(),
    linesAccepted: z.number(),
    linesSkipped: z.number(),
    linesRejected: z.number(),
    rejects: z.array(z.object({ line: z.number(), reason: z.string() })),
    error: z.string().nullable(),
    undoneAt: z.string().nullable(),
    undoneByLabel: z.string().nullable(),
  })
  .meta({ id: "DiscoveryImport" });
export type TDiscoveryImport = z.infer<typeof ZDiscoveryImport>;

const ZProtocolOut = z.enum(["TCP", "UDP", "ICMP", "ANY"]);

export const ZGhostEdge = z
  .object({
    id: z.string(),
    sourceId: z.string(),
    targetId: z.string(),
    protocol: ZProtocolOut,
    port: z.number().nullable(),
    connections: z.number(),
    bytes: z.number(),
    allowed: z.number(),
    denied: z.number(),
    dropReasons: z.record(z.string(), z.number()),
    lastSeen: z.string(),
    deniedOnly: z.boolean(),
  })
  .meta({ id: "DiscoveryGhostEdge" });

export const ZReconciliation = z
  .object({
    surfaceId: z.string(),
    unseenDays: z.number(),
    observedPairs: z.number(),
    flows: z.array(
      z.object({
        edgeId: z.string(),
        seen: z.boolean(),
        connections: z.number(),
        bytes: z.number(),
        denied: z.number(),
        lastSeen: z.string().nullable(),
        removalCandidate: z.boolean(),
      }),
    ),
    ghosts: z.array(ZGhostEdge),
    ghostsTruncated: z.number(),
    unmapped: z.array(
      z.object({ group: z.string(), endpoints: z.array(z.string()), connections: z.number(), denied: z.number(), lastSeen: z.string() }),
    ),
    totals: z.object({
      observedConnections: z.number(),
      coveredConnections: z.number(),
      deniedConnections: z.number(),
      unmappedConnections: z.number(),
    }),
  })
  .meta({ id: "DiscoveryReconciliation" });
export type TReconciliationResponse = z.infer<typeof ZReconciliation>;

/** A ghost edge to turn into a PROPOSED flow: the ends and what was observed. */
export const ZGhostProposal = z
  .object({
    sourceId: ZId,
    targetId: ZId,
    protocol: ZProtocolOut,
    port: z
      .number()
      .int("must be a whole number")
      .min(0, "must be between 0 and 65535")
      .max(65535, "must be between 0 and 65535")
      .nullable(),
  })
  .strict();

export type TGhostProposal = z.infer<typeof ZGhostProposal>;

/** The one spelling of a ghost edge's identity: its ends, protocol and port (as the overlay's ghost ids). */
export function ghostKey(ghost: { sourceId: string; targetId: string; protocol: string; port: number | null }): string {
  return `${ghost.sourceId}>${ghost.targetId}/${ghost.protocol}/${ghost.port ?? "-"}`;
}

export const ZProposeGhosts = z
  .object({
    ghosts: z.array(ZGhostProposal).min(1, "pick at least one observed flow").max(200, "at most 200 at once"),
    justification: z.string().trim().max(2000, "must be at most 2000 characters").default(""),
  })
  .strict()
  .meta({ id: "DiscoveryProposeGhosts" });
export type TProposeGhosts = z.infer<typeof ZProposeGhosts>;

export const ZProposeResult = z
  .object({ proposed: z.number(), mapVersion: z.number(), edgeIds: z.array(z.string()) })
  .meta({ id: "DiscoveryProposeResult" });

/**
 * Observed flows (ghost edges) to put into a draft change as ADD operations: an existing draft of the
 * caller's, or a new one named by `title`.
 */
export const ZAttachGhosts = z
  .object({
    ghosts: z.array(ZGhostProposal).min(1, "pick at least one observed flow").max(50, "at most 50 at once"),
    /** The draft change to add them to; absent, a new draft is created with `title`. */
    changeId: ZId.optional(),
    title: z.string().trim().min(3, "must be at least 3 characters").max(200).optional(),
    justification: z.string().trim().max(2000, "must be at most 2000 characters").default(""),
  })
  .strict()
  .superRefine((value, context) => {
    if (!value.changeId && !value.title)
      context.addIssue({ code: "custom", path: ["title"], message: "name the new change, or pick a draft" });
  })
  .meta({ id: "DiscoveryAttachGhosts" });
export type TAttachGhosts = z.infer<typeof ZAttachGhosts>;

export const ZAttachResult = z
  .object({ changeId: z.string(), changeNumber: z.number(), added: z.number(), created: z.boolean() })
  .meta({ id: "DiscoveryAttachResult" });
export type TAttachResult = z.infer<typeof ZAttachResult>;

export const ZCsvMappingParams = z.object({ source: ZSourceName });
/** The CSV column mapping is the parsers' (`ZCsvMapping`); stored as given, checked when used. */
export const ZCsvMappingBody = z
  .object({ mapping: z.record(z.string(), z.unknown()) })
  .strict()
  .meta({ id: "DiscoveryCsvMappingBody" });
export const ZCsvMapping = z
  .object({ sourceName: z.string(), mapping: z.record(z.string(), z.unknown()).nullable(), updatedAt: z.string().nullable() })
  .meta({ id: "DiscoveryCsvMapping" });
export type TCsvMappingRecord = z.infer<typeof ZCsvMapping>;
