import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { operation } from "@/lib/api/openapi";
import { ZIdParams } from "@/lib/users/schemas";
import { ZApiToken, ZApiTokenListQuery, ZCreateApiToken, ZCreateServiceAccount, ZCreatedApiToken, ZServiceAccount } from "./schemas";

const tag = "API tokens";

export const tokenPaths: ZodOpenApiPathsObject = {
  "/api/v1/tokens": {
    get: operation({
      summary: "List API tokens (live ones unless includeRevoked=true)",
      tag,
      permission: "admin.users",
      query: ZApiTokenListQuery,
      response: z.object({ tokens: z.array(ZApiToken) }),
    }),
    post: operation({
      summary:
        "Issue an API token acting as you, or as a service account (serviceAccountId); never as another person. The plain token is returned once. Token callers cannot make joint decisions (sign-offs, votes, approvals, verifications, assessments): those answer 403",
      tag,
      permission: "admin.users",
      body: ZCreateApiToken,
      response: ZCreatedApiToken,
      status: 201,
      conflicts: true,
    }),
  },
  "/api/v1/service-accounts": {
    get: operation({
      summary: "List service accounts",
      tag,
      permission: "admin.users",
      response: z.object({ serviceAccounts: z.array(ZServiceAccount) }),
    }),
    post: operation({
      summary: "Create a service account: automation with its own identity, in no team, that never decides and never signs in",
      tag,
      permission: "admin.users",
      body: ZCreateServiceAccount,
      response: ZServiceAccount,
      status: 201,
    }),
  },
  "/api/v1/tokens/{id}": {
    delete: operation({
      summary: "Revoke an API token",
      tag,
      permission: "admin.users",
      params: ZIdParams,
      response: ZApiToken,
      conflicts: true,
    }),
  },
};
