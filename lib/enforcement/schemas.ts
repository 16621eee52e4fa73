import { z } from "zod";
import { ZId } from "@/lib/users/schemas";
import { POLICY_TARGETS } from "./model";

export const ZPolicyTarget = z.enum(POLICY_TARGETS, "must be one of kubernetes, cilium, istio, aws, firewall").meta({ id: "PolicyTarget" });
export const ZPolicyParams = z.object({ id: ZId });
export const ZPolicyQuery = z.object({ target: ZPolicyTarget });
export const ZPolicyBundleQuery = z.object({ target: z.enum([...POLICY_TARGETS, "all"], "must be a policy target or all") });

const ZUnsupportedFlow = z.object({ flowId: z.string(), reason: z.string() });
export const ZSurfacePolicy = z
  .object({
    target: ZPolicyTarget,
    surface: z.object({ id: ZId, name: z.string(), status: z.string(), version: z.number().int() }),
    files: z.array(z.object({ path: z.string(), content: z.string() })),
    documents: z.array(z.unknown()),
    unsupported: z.array(ZUnsupportedFlow),
    flowLabels: z.record(z.string(), z.string()),
  })
  .meta({ id: "SurfacePolicy" });
export type TSurfacePolicyResponse = z.infer<typeof ZSurfacePolicy>;

/** 4 MiB of YAML: a cluster's worth of policy documents; larger files go through in parts. */
export const MAX_POLICY_TEXT = 4 * 1024 * 1024;
const ZPolicyText = z.string().min(1, "is required").max(MAX_POLICY_TEXT, `must be at most ${MAX_POLICY_TEXT} characters`);
export const ZWorkloadTarget = z.enum(["kubernetes", "cilium", "istio"], "must be kubernetes, cilium or istio");

export const ZDriftRequest = z.object({ target: ZWorkloadTarget, policy: ZPolicyText }).strict().meta({ id: "PolicyDriftRequest" });
export type TDriftRequest = z.infer<typeof ZDriftRequest>;
export const ZBootstrapRequest = z.object({ policy: ZPolicyText }).strict().meta({ id: "PolicyBootstrapRequest" });

const ZAccessEntry = z.object({ description: z.string(), document: z.number().int(), documentName: z.string() });
export const ZDriftReport = z
  .object({
    target: ZWorkloadTarget,
    excess: z.array(ZAccessEntry),
    missing: z.array(ZAccessEntry),
    unselected: z.array(z.string()),
    warnings: z.array(z.object({ document: z.number().int(), path: z.string(), reason: z.string() })),
    /** The stored check (callers who may edit the map), with since when the surface drifts on this target; null: compared only. */
    recorded: z.object({ id: ZId, checkedAt: z.string(), driftSince: z.string().nullable() }).nullable().optional(),
  })
  .meta({ id: "PolicyDriftReport" });
export type TDriftReportResponse = z.infer<typeof ZDriftReport>;

/** Days of observed traffic the impact preview replays: 1 to a year (retention prunes older days anyway). */
export const ZChangePolicyQuery = z.object({
  days: z.coerce
    .number("must be a number of days")
    .int("must be a whole number of days")
    .min(1, "must be at least 1")
    .max(366, "must be at most 366")
    .optional(),
});
const ZDiffLine = z.object({ kind: z.enum(["context", "added", "removed"]), text: z.string() });
const ZFileDiff = z.object({
  path: z.string(),
  status: z.enum(["added", "removed", "changed"]),
  added: z.number().int(),
  removed: z.number().int(),
  hunks: z.array(
    z.object({
      oldStart: z.number().int(),
      oldLines: z.number().int(),
      newStart: z.number().int(),
      newLines: z.number().int(),
      lines: z.array(ZDiffLine),
    }),
  ),
});
const ZImpactExample = z.object({
  source: z.string(),
  destination: z.string(),
  protocol: z.string(),
  port: z.number().int().nullable(),
  connections: z.number(),
});
const ZImpactBucket = z.object({ connections: z.number(), kinds: z.number().int(), examples: z.array(ZImpactExample) });
export const ZChangePolicyPreview = z
  .object({
    changeId: ZId,
    /** A verified change is already on the map: its policy is the surfaces' current policy. */
    applied: z.boolean(),
    days: z.number().int(),
    surfaces: z.array(
      z.object({
        surfaceId: ZId,
        surfaceName: z.string(),
        targets: z.array(
          z.object({
            target: ZPolicyTarget,
            files: z.array(ZFileDiff),
            unchangedFiles: z.number().int(),
            newlyUnsupported: z.array(ZUnsupportedFlow),
            noLongerUnsupported: z.array(ZUnsupportedFlow),
            error: z.string().nullable(),
          }),
        ),
        impact: z.object({
          observedConnections: z.number(),
          newlyDropped: ZImpactBucket,
          newlyAllowed: ZImpactBucket,
          unchanged: z.object({ connections: z.number(), kinds: z.number().int(), allowed: z.number(), dropped: z.number() }),
        }),
      }),
    ),
    /** Connections observed in the window that the change would newly drop, over every surface. */
    wouldDropConnections: z.number(),
  })
  .meta({ id: "ChangePolicyPreview" });
export type TChangePolicyPreview = z.infer<typeof ZChangePolicyPreview>;
