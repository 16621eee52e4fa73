import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { operation } from "@/lib/api/openapi";
import { ZPolicyBundleQuery, ZPolicyParams, ZPolicyQuery, ZSurfacePolicy } from "./schemas";

const tag = "Policy as code";

export const enforcementPaths: ZodOpenApiPathsObject = {
  "/api/v1/surfaces/{id}/policy": {
    get: operation({
      summary: "The enforcement policy the surface's approved flows imply for one target, each document checked by its published schema; flows the target cannot express are listed with the reason",
      tag,
      permission: "map.read",
      params: ZPolicyParams,
      query: ZPolicyQuery,
      response: ZSurfacePolicy,
    }),
  },
  "/api/v1/surfaces/{id}/policy/bundle": {
    get: operation({ summary: "A GitOps-ready folder (zip) of one target's policy files, or of every target's, with a README of what was left out", tag, permission: "map.read", params: ZPolicyParams, query: ZPolicyBundleQuery, response: z.string().meta({ format: "binary" }), responseType: "application/zip" }),
  },
};
