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
  })
  .meta({ id: "PolicyDriftReport" });
export type TDriftReportResponse = z.infer<typeof ZDriftReport>;
