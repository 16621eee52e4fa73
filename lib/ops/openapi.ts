import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { ZApiError, operation } from "@/lib/api/openapi";

const unavailable = {
  description: "Not ready: shutting down or the database is unreachable",
  content: { "application/json": { schema: ZApiError } },
};

/** Probes for orchestrators and load balancers, and the Prometheus metrics. */
export const opsPaths: ZodOpenApiPathsObject = {
  "/api/health/live": {
    get: operation({
      summary: "Liveness: the process answers (never checks the database)",
      tag: "Operations",
      permission: null,
      response: z.object({ status: z.literal("live") }),
    }),
  },
  "/api/health/ready": {
    get: {
      ...operation({
        summary: "Readiness: not shutting down and the database answers",
        tag: "Operations",
        permission: null,
        response: z.object({ status: z.literal("ready"), database: z.literal("ok") }),
      }),
      responses: {
        "200": {
          description: "Ready",
          content: { "application/json": { schema: z.object({ status: z.literal("ready"), database: z.literal("ok") }) } },
        },
        "503": unavailable,
      },
    },
  },
  "/api/metrics": {
    get: {
      ...operation({
        summary: "Prometheus metrics (Authorization: Bearer METRICS_TOKEN; 404 when METRICS_TOKEN is not set)",
        tag: "Operations",
        permission: null,
        response: z.string(),
        responseType: "text/plain",
      }),
      responses: {
        "200": { description: "Prometheus text exposition", content: { "text/plain": { schema: z.string() } } },
        "401": { description: "Missing or wrong metrics token", content: { "application/json": { schema: ZApiError } } },
        "404": { description: "Metrics are disabled (no METRICS_TOKEN)", content: { "application/json": { schema: ZApiError } } },
      },
    },
  },
};
