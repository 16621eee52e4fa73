import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { operation } from "@/lib/api/openapi";
import {
  ZAttachGhosts,
  ZAttachResult,
  ZCsvMapping,
  ZCsvMappingBody,
  ZCsvMappingParams,
  ZDiscoveryImport,
  ZImportListQuery,
  ZImportParams,
  ZImportQuery,
  ZProposeGhosts,
  ZProposeResult,
  ZReconciliation,
  ZSurfaceParams,
} from "./schemas";

const tag = "Discovery";

/** The import's body is the file (plain text or gzip), streamed; never JSON. */
const streamedImport = {
  ...operation({
    summary:
      "Import a flow log into a surface's observations. The body is the file itself (AWS VPC flow logs, Zeek conn.log, Hubble JSON, CSV; plain or gzip), streamed and never held whole. " +
      "Counts per connection and day are kept, never the lines. 400 when the file is in another format or, with strict=true, when any line is rejected. An import never proposes or approves a flow",
    tag,
    permission: "discovery.import",
    params: ZSurfaceParams,
    query: ZImportQuery,
    response: ZDiscoveryImport,
    status: 201,
    conflicts: true,
  }),
  requestBody: { required: true, content: { "application/octet-stream": { schema: z.string().meta({ format: "binary" }) } } },
};

export const discoveryPaths: ZodOpenApiPathsObject = {
  "/api/v1/surfaces/{id}/discovery/imports": { post: streamedImport },
  "/api/v1/surfaces/{id}/discovery/overlay": {
    get: operation({
      summary:
        "Observed traffic over the drawn map: drawn flows seen or not (removal candidates), ghost edges, denied traffic, the unmapped queue",
      tag,
      permission: "map.read",
      params: ZSurfaceParams,
      response: ZReconciliation,
    }),
  },
  "/api/v1/surfaces/{id}/discovery/propose": {
    post: operation({
      summary: "Turn ghost edges (observed, undrawn traffic between two nodes) into PROPOSED flows through the map's write path",
      tag,
      permission: "map.write",
      params: ZSurfaceParams,
      body: ZProposeGhosts,
      response: ZProposeResult,
      status: 201,
      conflicts: true,
    }),
  },
  "/api/v1/surfaces/{id}/discovery/attach": {
    get: operation({
      summary: "The caller's draft changes that include this surface: where observed flows may be added",
      tag,
      permission: "change.write",
      params: ZSurfaceParams,
      response: z.array(z.object({ id: z.string(), number: z.number(), title: z.string() })),
    }),
    post: operation({
      summary:
        "Add ghost edges (observed, undrawn traffic) to a draft change of the caller's as ADD operations, or create a draft with them; nothing is proposed or approved",
      tag,
      permission: "change.write",
      params: ZSurfaceParams,
      body: ZAttachGhosts,
      response: ZAttachResult,
      status: 201,
      conflicts: true,
    }),
  },
  "/api/v1/discovery/imports": {
    get: operation({
      summary: "Imports, newest first: who, when, format, lines read/accepted/rejected and the first rejects",
      tag,
      permission: "map.read",
      query: ZImportListQuery,
      response: z.array(ZDiscoveryImport),
    }),
  },
  "/api/v1/discovery/imports/{id}": {
    get: operation({
      summary: "One import (poll it for the progress of a running one)",
      tag,
      permission: "map.read",
      params: ZImportParams,
      response: ZDiscoveryImport,
    }),
  },
  "/api/v1/discovery/imports/{id}/cancel": {
    post: operation({
      summary: "Cancel a running import: nothing of it is kept",
      tag,
      permission: "discovery.import",
      params: ZImportParams,
      response: ZDiscoveryImport,
      conflicts: true,
    }),
  },
  "/api/v1/discovery/imports/{id}/undo": {
    post: operation({
      summary: "Undo a finished import: exactly what it added is subtracted (administrators, signed in)",
      tag,
      permission: "discovery.undo",
      params: ZImportParams,
      response: ZDiscoveryImport,
      conflicts: true,
      decision: true,
    }),
  },
  "/api/v1/discovery/csv-mappings/{source}": {
    get: operation({
      summary: "The CSV column mapping remembered for a source",
      tag,
      permission: "map.read",
      params: ZCsvMappingParams,
      response: ZCsvMapping,
    }),
    put: operation({
      summary: "Remember the CSV column mapping of a source for its next imports",
      tag,
      permission: "discovery.import",
      params: ZCsvMappingParams,
      body: ZCsvMappingBody,
      response: ZCsvMapping,
    }),
  },
};
