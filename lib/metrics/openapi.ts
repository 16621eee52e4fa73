import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { operation } from "@/lib/api/openapi";
import {
  ZAssessmentDetail,
  ZAssessmentParams,
  ZAssessmentSummary,
  ZCatalogSummary,
  ZCreateAssessment,
  ZMaturityScore,
  ZScoreParams,
  ZUpdateScore,
} from "@/lib/maturity/schemas";
import { ZCreateObjective, ZObjective } from "@/lib/objectives/schemas";
import { ZCreateKpi, ZHeadlineChoice, ZIndicatorParams, ZKpi, ZKpiParams, ZKpiReadingInput, ZMetricKeyParams } from "./schemas";

/** Maturity assessments, external KPIs and the dashboard exports. */
export const metricsPaths: ZodOpenApiPathsObject = {
  "/api/v1/maturity/catalogs": {
    get: operation({
      summary: "Stored maturity models (e.g. CISA ZTMM v2.0)",
      tag: "Maturity",
      permission: "dashboard.read",
      response: z.object({ catalogs: z.array(ZCatalogSummary) }),
    }),
  },
  "/api/v1/maturity/assessments": {
    get: operation({
      summary: "Assessments, newest first",
      tag: "Maturity",
      permission: "dashboard.read",
      response: z.object({ assessments: z.array(ZAssessmentSummary) }),
    }),
    post: operation({
      summary: "Start a dated assessment (targets and evidence carry over). Refused (403) for API tokens",
      tag: "Maturity",
      permission: "maturity.assess",
      body: ZCreateAssessment,
      response: ZAssessmentSummary,
      status: 201,
    }),
  },
  "/api/v1/maturity/assessments/{id}": {
    get: operation({
      summary: "One assessment with every function's scores, evidence and comparison",
      tag: "Maturity",
      permission: "dashboard.read",
      params: ZAssessmentParams,
      response: ZAssessmentDetail,
    }),
  },
  "/api/v1/maturity/assessments/{id}/scores/{functionKey}": {
    put: operation({
      summary: "Score a function: your team's stage, the shared target and evidence. Refused (403) for API tokens",
      tag: "Maturity",
      permission: "maturity.assess",
      params: ZScoreParams,
      body: ZUpdateScore,
      response: ZMaturityScore,
    }),
  },
  "/api/v1/metrics": {
    get: operation({
      summary: "External KPIs with their readings of the last year",
      tag: "Metrics",
      permission: "dashboard.read",
      response: z.object({ kpis: z.array(ZKpi) }),
    }),
    post: operation({
      summary: "Define an external KPI",
      tag: "Metrics",
      permission: "metrics.write",
      body: ZCreateKpi,
      response: ZKpi,
      status: 201,
      conflicts: true,
    }),
  },
  "/api/v1/metrics/{key}": {
    post: operation({
      summary: "Record a reading of an external KPI (automation: Bearer API token)",
      tag: "Metrics",
      permission: "metrics.write",
      params: ZKpiParams,
      body: ZKpiReadingInput,
      response: z.object({ key: z.string(), value: z.number(), observedAt: z.string() }),
      status: 201,
    }),
  },
  "/api/v1/dashboard": {
    get: operation({
      summary: "The executive dashboard's data",
      tag: "Dashboard",
      permission: "dashboard.read",
      response: z.record(z.string(), z.unknown()),
    }),
  },
  "/api/v1/dashboard/objectives": {
    get: operation({
      summary: "Shared objectives with progress computed from the data",
      tag: "Dashboard",
      permission: "dashboard.read",
      response: z.object({ objectives: z.array(ZObjective) }),
    }),
    post: operation({
      summary: "Add a charter objective owned by a NetOps and a SecOps lead",
      tag: "Dashboard",
      permission: "metrics.write",
      body: ZCreateObjective,
      response: z.object({ id: z.string() }),
      status: 201,
    }),
  },
  "/api/v1/dashboard/indicators/{key}": {
    get: operation({
      summary: "One indicator with the records behind it",
      tag: "Dashboard",
      permission: "dashboard.read",
      params: ZIndicatorParams,
      response: z.record(z.string(), z.unknown()),
    }),
  },
  "/api/v1/dashboard/headlines/{key}": {
    put: operation({
      summary: "Choose whether an indicator or KPI is a headline card of the dashboard (at most 8; 409 past the cap)",
      tag: "Dashboard",
      permission: "metrics.write",
      params: ZMetricKeyParams,
      body: ZHeadlineChoice,
      response: z.object({ key: z.string(), headline: z.boolean() }),
      conflicts: true,
    }),
  },
  "/api/v1/dashboard/report.pdf": {
    get: operation({
      summary: "The dashboard as a PDF report",
      tag: "Dashboard",
      permission: "dashboard.read",
      response: z.string(),
      responseType: "application/pdf",
    }),
  },
  "/api/v1/dashboard/data.csv": {
    get: operation({
      summary: "Every dashboard figure as CSV",
      tag: "Dashboard",
      permission: "dashboard.read",
      response: z.string(),
      responseType: "text/csv",
    }),
  },
};
