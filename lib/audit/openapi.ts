import type { ZodOpenApiPathsObject } from "zod-openapi";
import { operation } from "@/lib/api/openapi";
import { ZAuditPage, ZAuditQuery, ZAuditVerification } from "./schemas";

export const auditPaths: ZodOpenApiPathsObject = {
  "/api/v1/audit": {
    get: operation({ summary: "List audit events, newest first", tag: "Audit", permission: "admin.audit", query: ZAuditQuery, response: ZAuditPage }),
  },
  "/api/v1/audit/verify": {
    get: operation({ summary: "Verify the hash chain and name the first broken event", tag: "Audit", permission: "admin.audit", response: ZAuditVerification }),
  },
};
