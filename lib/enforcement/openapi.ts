import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { operation } from "@/lib/api/openapi";
import { ZMapEditResult } from "@/lib/maps/model/schemas";
import { ZChangeIdParams } from "@/lib/changes/schemas";
import {
  ZBootstrapRequest,
  ZChangePolicyPreview,
  ZChangePolicyQuery,
  ZDriftReport,
  ZDriftRequest,
  ZPolicyBundleQuery,
  ZPolicyParams,
  ZPolicyQuery,
  ZSurfacePolicy,
} from "./schemas";

const tag = "Policy as code";

export const enforcementPaths: ZodOpenApiPathsObject = {
  "/api/v1/surfaces/{id}/policy": {
    get: operation({
      summary:
        "The enforcement policy the surface's approved flows imply for one target, each document checked by its published schema; flows the target cannot express are listed with the reason",
      tag,
      permission: "map.read",
      params: ZPolicyParams,
      query: ZPolicyQuery,
      response: ZSurfacePolicy,
    }),
  },
  "/api/v1/surfaces/{id}/policy/bundle": {
    get: operation({
      summary: "A GitOps-ready folder (zip) of one target's policy files, or of every target's, with a README of what was left out",
      tag,
      permission: "map.read",
      params: ZPolicyParams,
      query: ZPolicyBundleQuery,
      response: z.string().meta({ format: "binary" }),
      responseType: "application/zip",
    }),
  },
  "/api/v1/surfaces/{id}/policy/drift": {
    post: operation({
      summary:
        "Compare deployed policy (e.g. `kubectl get networkpolicies,ciliumnetworkpolicies,authorizationpolicies -A -o yaml`) with what the surface's approved flows imply: excess (allowed, never approved) and missing (approved, not enforced). Each document that is not YAML, not a known kind or invalid against its schema is a 400 naming the document, path and reason",
      tag,
      permission: "map.read",
      params: ZPolicyParams,
      body: ZDriftRequest,
      response: ZDriftReport,
    }),
  },
  "/api/v1/surfaces/{id}/policy/bootstrap": {
    post: operation({
      summary:
        "Import deployed NetworkPolicy, Cilium or Istio documents as PROPOSED flows on the surface's map (never APPROVED); allow-all rules are skipped and listed",
      tag,
      permission: "map.write",
      params: ZPolicyParams,
      body: ZBootstrapRequest,
      response: ZMapEditResult.extend({ skipped: z.array(z.string()) }),
      status: 201,
      conflicts: true,
    }),
  },
  "/api/v1/changes/{id}/policy": {
    get: operation({
      summary:
        "The policy a change would produce: per touched surface and target, the unified diff of the generated documents before (today's approved flows) and after (the change's operations applied), flows a target newly cannot express, and observed traffic of the last `days` days (default POLICY_IMPACT_DAYS) replayed against both: connections newly dropped, newly allowed, unchanged. A verified change answers `applied: true`",
      tag,
      permission: "change.read",
      params: ZChangeIdParams,
      query: ZChangePolicyQuery,
      response: ZChangePolicyPreview,
    }),
  },
};
