import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import { z, type ZodObject, type ZodType } from "zod";
import { PERMISSIONS, type TPermission } from "@/lib/auth/permissions";

export const ZApiError = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      requestId: z.string(),
      fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
      current: z.unknown().optional(),
    }),
  })
  .meta({ id: "ApiError" });

const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: ZApiError } } });

/** Describes one operation from the same zod schemas the route handler parses with. */
export function operation(spec: {
  summary: string;
  tag: string;
  permission: TPermission | null;
  body?: ZodType;
  query?: ZodObject;
  params?: ZodObject;
  response?: ZodType;
  status?: 200 | 201 | 202 | 204;
  responseType?: string;
  conflicts?: boolean;
  /** A decision: browser sessions need a recent step-up (403 `step_up_required`). */
  decision?: boolean;
}): ZodOpenApiOperationObject {
  const roles = spec.permission ? PERMISSIONS[spec.permission].join(", ") : "anyone";
  return {
    summary: spec.summary,
    description: spec.permission ? `Requires \`${spec.permission}\` (roles: ${roles}).` : "Public.",
    tags: [spec.tag],
    requestParams: {
      ...(spec.params ? { path: spec.params } : {}),
      ...(spec.query ? { query: spec.query } : {}),
    },
    ...(spec.body ? { requestBody: { required: true, content: { "application/json": { schema: spec.body } } } } : {}),
    responses: {
      [String(spec.status ?? 200)]: {
        description: "Success",
        ...(spec.response ? { content: { [spec.responseType ?? "application/json"]: { schema: spec.response } } } : {}),
      },
      "400": errorResponse("Invalid input: `fields` lists each field and the reason"),
      "401": errorResponse("Not signed in and no valid API token"),
      "403": errorResponse(
        spec.decision
          ? "The caller's roles do not allow this, or (`step_up_required`) a browser session must first confirm it is the person (POST /api/v1/auth/step-up)"
          : "The caller's roles do not allow this",
      ),
      ...(spec.params ? { "404": errorResponse("Not found") } : {}),
      ...(spec.conflicts ? { "409": errorResponse("Stale version or a rule of the domain refuses the request") } : {}),
    },
  };
}

export function buildOpenApiDocument(paths: ZodOpenApiPathsObject[]) {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Concord API",
      version: "1.0.0",
      description:
        "The one way the browser and automation change Concord's data. Authenticate with the session cookie or `Authorization: Bearer <API token>`. Every mutation is audited.",
    },
    servers: [{ url: "/" }],
    components: {
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
        bearer: { type: "http", scheme: "bearer" },
      },
    },
    security: [{ session: [] }, { bearer: [] }],
    paths: Object.assign({}, ...paths),
  });
}
