import type { ZodOpenApiPathsObject } from "zod-openapi";
import { auditPaths } from "@/lib/audit/openapi";
import { userPaths } from "@/lib/users/openapi";
import { mapPaths } from "@/lib/maps/openapi";

/** Every domain's documented operations; add a domain's paths here when it gains an API. */
export const apiPaths: ZodOpenApiPathsObject[] = [userPaths, auditPaths, mapPaths];
