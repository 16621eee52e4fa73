import type { ZodOpenApiPathsObject } from "zod-openapi";
import { operation } from "@/lib/api/openapi";
import { ZAccountSessions, ZSessionIdParams, ZSessionsEnded } from "./schemas";

const tag = "Account";

export const accountPaths: ZodOpenApiPathsObject = {
  "/api/v1/account/sessions": {
    get: operation({
      summary: "Where the caller is signed in: their open sessions, the current one marked",
      tag,
      permission: "dashboard.read",
      response: ZAccountSessions,
    }),
    delete: operation({
      summary:
        "Sign out everywhere else: end every open session of the caller except the current one (all of them for an API-token caller)",
      tag,
      permission: "dashboard.read",
      response: ZSessionsEnded,
    }),
  },
  "/api/v1/account/sessions/{id}": {
    delete: operation({
      summary: "End one of the caller's own sessions (another user's is not found)",
      tag,
      permission: "dashboard.read",
      params: ZSessionIdParams,
      response: ZSessionsEnded,
    }),
  },
};
