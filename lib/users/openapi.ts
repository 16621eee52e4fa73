import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { operation } from "@/lib/api/openapi";
import { ZCreateUser, ZCreatedUser, ZIdParams, ZUpdateUser, ZUser, ZUserListQuery, ZUserStatus } from "./schemas";

const tag = "Users";

export const userPaths: ZodOpenApiPathsObject = {
  "/api/v1/me": {
    get: operation({
      summary: "The signed-in user with their permissions",
      tag,
      permission: "dashboard.read",
      response: ZUser.pick({ id: true, email: true, name: true, team: true, roles: true }).extend({ permissions: z.array(z.string()) }),
    }),
  },
  "/api/v1/users": {
    get: operation({
      summary: "List users",
      tag,
      permission: "admin.users",
      query: ZUserListQuery,
      response: z.object({ users: z.array(ZUser) }),
    }),
    post: operation({
      summary: "Create or invite a local user",
      tag,
      permission: "admin.users",
      body: ZCreateUser,
      response: ZCreatedUser,
      status: 201,
      conflicts: true,
    }),
  },
  "/api/v1/users/{id}": {
    get: operation({ summary: "One user", tag, permission: "admin.users", params: ZIdParams, response: ZUser }),
    patch: operation({
      summary: "Change name, team or roles",
      tag,
      permission: "admin.users",
      params: ZIdParams,
      body: ZUpdateUser,
      response: ZUser,
      conflicts: true,
    }),
  },
  "/api/v1/users/{id}/status": {
    put: operation({
      summary: "Disable (ends all sessions) or re-enable a user",
      tag,
      permission: "admin.users",
      params: ZIdParams,
      body: z.object({ status: ZUserStatus }),
      response: ZUser,
      conflicts: true,
    }),
  },
  "/api/v1/users/{id}/sessions": {
    delete: operation({
      summary: "End every session of a user",
      tag,
      permission: "admin.users",
      params: ZIdParams,
      response: z.object({ ended: z.number().int() }),
    }),
  },
};
