import { z } from "zod";
import { zInt32 } from "@/lib/api/bounds";
import { Classification, Criticality, DaasType, SurfaceStatus } from "@/lib/db/generated/enums";
import { ZId, ZStoredTeam as ZTeam } from "@/lib/users/schemas";

export const MAX_NAME = 200;
export const MAX_TEXT = 10_000;

// The database's own enums (Prisma's generated ones), not restated lists.
export const ZClassification = z.enum(Classification).meta({ id: "Classification" });
export const ZCriticality = z.enum(Criticality).meta({ id: "Criticality" });
export const ZSurfaceStatus = z.enum(SurfaceStatus).meta({ id: "SurfaceStatus" });
export const ZDaasType = z.enum(DaasType).meta({ id: "DaasType" });

const name = z.string().trim().min(1, "is required").max(MAX_NAME, `must be at most ${MAX_NAME} characters`);
const text = z.string().max(MAX_TEXT, `must be at most ${MAX_TEXT} characters`);
const shortText = z.string().trim().max(MAX_NAME, `must be at most ${MAX_NAME} characters`);

export const ZElementInput = z
  .object({
    /** Keep an element's id when editing, so its comments stay attached. */
    id: ZId.optional(),
    type: ZDaasType,
    name,
    description: text.default(""),
    classification: ZClassification,
  })
  .meta({ id: "DaasElementInput" });

const ZTags = z
  .array(z.string().trim().toLowerCase().min(1, "must not be empty").max(50, "must be at most 50 characters"))
  .max(30, "at most 30 tags")
  .overwrite((tags) => [...new Set(tags)]);

const surfaceFields = {
  name,
  purpose: text.default(""),
  criticality: ZCriticality,
  environment: shortText.default("production"),
  businessOwner: shortText.default(""),
  /** Raises the classification above the highest element's; never lowers it. */
  classificationOverride: ZClassification.nullable().default(null),
  netopsOwnerId: ZId.nullable().default(null),
  secopsOwnerId: ZId.nullable().default(null),
  tags: ZTags.default([]),
  notes: text.default(""),
  elements: z.array(ZElementInput).max(200, "at most 200 elements").default([]),
};

// Owners travel by email in files, so a file moves between instances.
const { netopsOwnerId: _netops, secopsOwnerId: _secops, ...portableFields } = surfaceFields;

export const ZCreateSurface = z.object(surfaceFields).meta({ id: "CreateSurface" });
export type TCreateSurface = z.infer<typeof ZCreateSurface>;

/** The full content as the client last saw it, plus that version: a stale version gets 409. */
export const ZUpdateSurface = z.object({ ...surfaceFields, version: zInt32().min(1) }).meta({ id: "UpdateSurface" });
export type TUpdateSurface = z.infer<typeof ZUpdateSurface>;

export const SORT_FIELDS = ["name", "updatedAt", "criticality", "classification", "status"] as const;

export const ZSurfaceListQuery = z.object({
  q: z.string().trim().max(MAX_NAME).optional(),
  status: ZSurfaceStatus.optional(),
  classification: ZClassification.optional(),
  criticality: ZCriticality.optional(),
  /** The team owners: surfaces whose NetOps (or SecOps) owner is this user. */
  netopsOwnerId: ZId.optional(),
  secopsOwnerId: ZId.optional(),
  tag: z.string().trim().toLowerCase().max(50).optional(),
  /** "true": in review and still missing the sign-off of the caller's team. */
  waiting: z.enum(["true", "false"]).optional(),
  sort: z.enum(SORT_FIELDS).default("updatedAt"),
  order: z.enum(["asc", "desc"]).default("desc"),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type TSurfaceListQuery = z.infer<typeof ZSurfaceListQuery>;

export const ZExportQuery = ZSurfaceListQuery.omit({ page: true, pageSize: true }).extend({
  format: z.enum(["csv", "json"]).default("json"),
});
export type TExportQuery = z.infer<typeof ZExportQuery>;

export const ZPerson = z.object({ id: ZId, name: z.string(), email: z.string(), team: ZTeam }).meta({ id: "SurfacePerson" });
export type TPerson = z.infer<typeof ZPerson>;

export const ZSignOff = z
  .object({
    id: ZId,
    version: z.number().int(),
    contentHash: z.string(),
    team: ZTeam,
    user: ZPerson,
    createdAt: z.string(),
    withdrawnAt: z.string().nullable(),
    voidedAt: z.string().nullable(),
  })
  .meta({ id: "SurfaceSignOff" });
export type TSignOff = z.infer<typeof ZSignOff>;

export const ZSurfaceSummary = z
  .object({
    id: ZId,
    name: z.string(),
    status: ZSurfaceStatus,
    classification: ZClassification,
    criticality: ZCriticality,
    environment: z.string(),
    tags: z.array(z.string()),
    version: z.number().int(),
    netopsOwner: ZPerson.nullable(),
    secopsOwner: ZPerson.nullable(),
    elementCount: z.number().int(),
    /** Teams whose sign-off the current version still needs (empty unless IN_REVIEW). */
    waitingOn: z.array(z.enum(["NETOPS", "SECOPS"])),
    updatedAt: z.string(),
  })
  .meta({ id: "SurfaceSummary" });
export type TSurfaceSummary = z.infer<typeof ZSurfaceSummary>;

export const ZSurfacePage = z
  .object({ surfaces: z.array(ZSurfaceSummary), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  .meta({ id: "SurfacePage" });
export type TSurfacePage = z.infer<typeof ZSurfacePage>;

export const ZElement = z
  .object({
    id: ZId,
    type: ZDaasType,
    name: z.string(),
    description: z.string(),
    classification: ZClassification,
    position: z.number().int(),
  })
  .meta({ id: "DaasElement" });

export const ZDelegate = z
  .object({ id: ZId, team: ZTeam, user: ZPerson, grantedBy: ZPerson, createdAt: z.string() })
  .meta({ id: "SurfaceDelegate" });

export const ZSurfaceAbilities = z
  .object({
    edit: z.boolean(),
    submit: z.boolean(),
    signOff: z.boolean(),
    /** Why the caller cannot sign off, in words, when they cannot. */
    signOffReason: z.string().nullable(),
    withdraw: z.boolean(),
    comment: z.boolean(),
    delegate: z.boolean(),
    /** An owner (for their own team) or an admin (for either, with a reason) may replace an owner. */
    replaceOwner: z.boolean(),
    delete: z.boolean(),
  })
  .meta({ id: "SurfaceAbilities" });
export type TSurfaceAbilities = z.infer<typeof ZSurfaceAbilities>;

export const ZSurface = ZSurfaceSummary.extend({
  purpose: z.string(),
  businessOwner: z.string(),
  classificationOverride: ZClassification.nullable(),
  notes: z.string(),
  contentHash: z.string(),
  elements: z.array(ZElement),
  signOffs: z.array(ZSignOff),
  delegates: z.array(ZDelegate),
  createdBy: ZPerson,
  createdAt: z.string(),
  agreedAt: z.string().nullable(),
  abilities: ZSurfaceAbilities,
}).meta({ id: "ProtectSurface" });
export type TSurface = z.infer<typeof ZSurface>;

export const ZSurfaceVersion = z
  .object({
    version: z.number().int(),
    contentHash: z.string(),
    snapshot: z.record(z.string(), z.unknown()),
    author: ZPerson,
    createdAt: z.string(),
    agreedAt: z.string().nullable(),
    /** Who signed off this version (withdrawn sign-offs left out). */
    signOffs: z.array(ZSignOff),
  })
  .meta({ id: "SurfaceVersion" });
export type TSurfaceVersion = z.infer<typeof ZSurfaceVersion>;

export const ZSignOffBody = z
  .object({ version: zInt32().min(1).optional() })
  .meta({ id: "SignOffRequest", description: "The version the signer reviewed; a stale version gets 409." });

export const ZCommentInput = z
  .object({
    body: z.string().trim().min(1, "is required").max(MAX_TEXT, `must be at most ${MAX_TEXT} characters`),
    elementId: ZId.nullable().optional(),
    parentId: ZId.nullable().optional(),
  })
  .meta({ id: "CreateComment" });
export type TCommentInput = z.infer<typeof ZCommentInput>;

export const ZComment = z
  .object({
    id: ZId,
    elementId: ZId.nullable(),
    parentId: ZId.nullable(),
    author: ZPerson,
    body: z.string(),
    mentions: z.array(ZPerson),
    resolvedAt: z.string().nullable(),
    resolvedBy: ZPerson.nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "SurfaceComment" });
export type TComment = z.infer<typeof ZComment>;

export const ZResolveComment = z.object({ resolved: z.boolean() }).meta({ id: "ResolveComment" });
export type TResolveComment = z.infer<typeof ZResolveComment>;

export const ZDecisionInput = z.object({ text: z.string().trim().min(1, "is required").max(MAX_TEXT) }).meta({ id: "CreateDecision" });
export const ZDecision = z
  .object({ id: ZId, text: z.string(), recordedBy: ZPerson, createdAt: z.string() })
  .meta({ id: "SurfaceDecision" });
export type TDecision = z.infer<typeof ZDecision>;

const kiplingField = z.string().trim().min(1, "is required").max(1000, "must be at most 1000 characters");
export const ZKiplingInput = z
  .object({ who: kiplingField, what: kiplingField, when: kiplingField, where: kiplingField, why: kiplingField, how: kiplingField })
  .meta({ id: "KiplingStatementInput" });
export type TKiplingInput = z.infer<typeof ZKiplingInput>;
export const ZKipling = ZKiplingInput.extend({ id: ZId, version: z.number().int(), updatedAt: z.string() }).meta({
  id: "KiplingStatement",
});
export type TKipling = z.infer<typeof ZKipling>;

export const ZDelegateInput = z.object({ userId: ZId }).meta({ id: "CreateDelegate" });

export const ZSurfaceIdParams = z.object({ id: ZId });
export const ZSurfaceChildParams = z.object({ id: ZId, childId: ZId });

/** One surface in the portable JSON format: owners by email, so a file moves between instances. */
export const ZSurfaceRecord = z
  .object({
    ...portableFields,
    elements: z
      .array(ZElementInput.omit({ id: true }))
      .max(200, "at most 200 elements")
      .default([]),
    netopsOwnerEmail: z.email("must be an email address").nullable().default(null),
    secopsOwnerEmail: z.email("must be an email address").nullable().default(null),
  })
  .meta({ id: "SurfaceRecord" });
export type TSurfaceRecord = z.infer<typeof ZSurfaceRecord>;

export const MAX_IMPORT = 1000;
/** Records are checked one by one in the service, so every error names its record and field. */
export const ZImportBody = z
  .object({
    surfaces: z.array(z.unknown()).min(1, "needs at least one surface").max(MAX_IMPORT, `at most ${MAX_IMPORT} surfaces per import`),
  })
  .meta({ id: "ImportSurfaces" });
