import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { operation } from "@/lib/api/openapi";
import { ZIdParams } from "@/lib/users/schemas";
import { ZApiToken, ZApiTokenListQuery, ZCreateApiToken, ZCreatedApiToken } from "./schemas";

const tag = "API tokens";

export const tokenPaths: ZodOpenApiPathsObject = {
  "/api/v1/tokens": {
    get: operation({ summary: "List API tokens (live ones unless includeRevoked=true)", tag, permission: "admin.users", query: ZApiTokenListQuery, response: z.object({ tokens: z.array(ZApiToken) }) }),
    post: operation({
      summary: "Issue an API token acting as a user; the plain token is returned once",
      tag,
      permission: "admin.users",
      body: ZCreateApiToken,
      response: ZCreatedApiToken,
      status: 201,
      conflicts: true,
    }),
  },
  "/api/v1/tokens/{id}": {
    delete: operation({ summary: "Revoke an API token", tag, permission: "admin.users", params: ZIdParams, response: ZApiToken, conflicts: true }),
  },
};
