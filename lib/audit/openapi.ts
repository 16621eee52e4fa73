import type { ZodOpenApiPathsObject } from "zod-openapi";
import { operation } from "@/lib/api/openapi";
import { ZAuditCheckpointRun, ZAuditPage, ZAuditQuery, ZAuditVerification } from "./schemas";

export const auditPaths: ZodOpenApiPathsObject = {
  "/api/v1/audit": {
    get: operation({
      summary: "List audit events, newest first",
      tag: "Audit",
      permission: "admin.audit",
      query: ZAuditQuery,
      response: ZAuditPage,
    }),
  },
  "/api/v1/audit/verify": {
    get: operation({
      summary: "Verify the hash chain and hold it against the signed checkpoints: names the first broken event and a cut-off tail",
      tag: "Audit",
      permission: "admin.audit",
      response: ZAuditVerification,
    }),
  },
  "/api/v1/audit/checkpoints": {
    post: operation({
      summary: "Sign and store a checkpoint of the chain's head now (also appended to the checkpoint file when configured)",
      tag: "Audit",
      permission: "admin.audit",
      response: ZAuditCheckpointRun,
      status: 201,
    }),
  },
};
