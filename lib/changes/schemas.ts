import { z } from "zod";
import { zInt32, zIsoDateTime } from "@/lib/api/bounds";
import { ZId } from "@/lib/users/schemas";
import { isValidPorts } from "@/lib/change-policy/ports";
import { ZHttpMethod, ZHttpPath } from "@/lib/maps/model/schemas";
import { MANUAL_TRANSITIONS } from "./lifecycle";

export const ZChangeState = z
  .enum([
    "DRAFT",
    "SUBMITTED",
    "PRE_APPROVED",
    "CAB_REVIEW",
    "EMERGENCY",
    "APPROVED",
    "REJECTED",
    "NEEDS_INFO",
    "SCHEDULED",
    "IMPLEMENTED",
    "VERIFIED",
    "ROLLED_BACK",
    "CLOSED",
  ])
  .meta({ id: "ChangeState" });
export const ZChangeTrack = z.enum(["PRE_APPROVED", "CAB", "EMERGENCY"]).meta({ id: "ChangeTrack" });
export const ZProtocol = z.enum(["TCP", "UDP", "ICMP", "ANY"]);
export const ZEncryption = z.enum(["NONE", "TLS", "MTLS"]);
export const ZAuthentication = z.enum(["NONE", "TOKEN", "CERTIFICATE", "MFA"]);

const ZPorts = z
  .string()
  .trim()
  .max(200)
  .refine((ports) => ports === "" || isValidPorts(ports), "must look like 443, 80,443 or 8000-8100");

/** Longest text a change's fields take: the schema refuses more, and the form counts towards it. */
export const CHANGE_TEXT_LIMITS = {
  title: 200,
  description: 5000,
  plan: 5000,
  emergencyReason: 1000,
  justification: 2000,
} as const;

/**
 * The attributes of a flow a change may set. The HTTP method and path are optional: left out, a
 * modified flow keeps the map's (a client that does not know them clears nothing); empty is any.
 */
export const ZFlowAttributes = z.object({
  protocol: ZProtocol,
  ports: ZPorts,
  appProtocol: z.string().trim().max(40).default(""),
  httpMethod: ZHttpMethod.optional(),
  httpPath: ZHttpPath.optional(),
  encryption: ZEncryption,
  authentication: ZAuthentication,
  justification: z.string().trim().min(1, "say why this flow must exist").max(CHANGE_TEXT_LIMITS.justification),
});

export const ZFlowOperationInput = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("ADD"), surfaceId: ZId, sourceNodeId: ZId, targetNodeId: ZId, flow: ZFlowAttributes }),
    z.object({ kind: z.literal("MODIFY"), surfaceId: ZId, edgeId: ZId, flow: ZFlowAttributes }),
    z.object({ kind: z.literal("REMOVE"), surfaceId: ZId, edgeId: ZId }),
  ])
  .meta({ id: "FlowOperationInput" });
export type TFlowOperationInput = z.infer<typeof ZFlowOperationInput>;

const ZDate = zIsoDateTime().transform((value) => new Date(value));

const changeFields = {
  title: z.string().trim().min(3, "must be at least 3 characters").max(CHANGE_TEXT_LIMITS.title),
  description: z.string().trim().max(CHANGE_TEXT_LIMITS.description).default(""),
  surfaceIds: z
    .array(ZId)
    .min(1, "pick at least one protect surface")
    .max(20)
    .transform((ids) => [...new Set(ids)]),
  operations: z.array(ZFlowOperationInput).max(50).default([]),
  environment: z.string().trim().min(1).max(40).default("production"),
  implementationPlan: z.string().trim().max(CHANGE_TEXT_LIMITS.plan).default(""),
  verificationPlan: z.string().trim().max(CHANGE_TEXT_LIMITS.plan).default(""),
  rollbackPlan: z.string().trim().max(CHANGE_TEXT_LIMITS.plan).default(""),
  windowStart: ZDate.nullable().default(null),
  windowEnd: ZDate.nullable().default(null),
  ticketLinks: z.array(z.url("must be a link").max(500)).max(10).default([]),
  /** Declaring an emergency needs a reason; an empty reason is no emergency. */
  emergencyReason: z.string().trim().max(CHANGE_TEXT_LIMITS.emergencyReason).nullable().default(null),
};

function checkChange(
  value: { windowStart: Date | null; windowEnd: Date | null; surfaceIds: string[]; operations: TFlowOperationInput[] },
  ctx: z.RefinementCtx,
) {
  if ((value.windowStart === null) !== (value.windowEnd === null))
    ctx.addIssue({ code: "custom", path: ["windowEnd"], message: "give both the start and the end of the window" });
  if (value.windowStart && value.windowEnd && value.windowEnd <= value.windowStart)
    ctx.addIssue({ code: "custom", path: ["windowEnd"], message: "must be after the start" });
  value.operations.forEach((operation, index) => {
    if (!value.surfaceIds.includes(operation.surfaceId))
      ctx.addIssue({ code: "custom", path: ["operations", index, "surfaceId"], message: "must be one of the change's surfaces" });
    if (operation.kind === "ADD" && operation.sourceNodeId === operation.targetNodeId)
      ctx.addIssue({ code: "custom", path: ["operations", index, "targetNodeId"], message: "must differ from the source" });
  });
}

export const ZCreateChange = z.object(changeFields).superRefine(checkChange).meta({ id: "CreateChange" });
export type TCreateChange = z.infer<typeof ZCreateChange>;

export const ZUpdateChange = z
  .object({ ...changeFields, version: zInt32().min(1) })
  .superRefine(checkChange)
  .meta({ id: "UpdateChange" });
export type TUpdateChange = z.infer<typeof ZUpdateChange>;

export const ZChangeListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  state: ZChangeState.optional(),
  track: ZChangeTrack.optional(),
  surfaceId: ZId.optional(),
  mine: z.enum(["true", "false"]).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(5).max(100).default(25),
});
export type TChangeListQuery = z.infer<typeof ZChangeListQuery>;

export const ZTransitionInput = z
  .object({
    action: z.enum(MANUAL_TRANSITIONS),
    reason: z.string().trim().max(2000).default(""),
    windowStart: ZDate.optional(),
    windowEnd: ZDate.optional(),
  })
  .meta({ id: "ChangeTransitionInput" });
export type TTransitionInput = z.infer<typeof ZTransitionInput>;

export const ZVoteInput = z
  .object({
    decision: z.enum(["APPROVE", "REJECT"]),
    comment: z.string().trim().max(2000).default(""),
    meetingId: ZId.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.decision === "REJECT" && value.comment === "")
      ctx.addIssue({ code: "custom", path: ["comment"], message: "say why you reject" });
  })
  .meta({ id: "ChangeVoteInput" });
export type TVoteInput = z.infer<typeof ZVoteInput>;

export const ZChangeIdParams = z.object({ id: ZId });
