import { z } from "zod";
import { ZId } from "@/lib/maps/schemas";
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
