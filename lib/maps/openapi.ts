import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { operation } from "@/lib/api/openapi";
import { ZMapDocument } from "./model/document";
import {
  ZEdgeCreate,
  ZEdgeParams,
  ZEdgeUpdate,
  ZEventsQuery,
  ZFlowMap,
  ZHistoryQuery,
  ZMapBatch,
  ZMapEdge,
  ZMapEditResult,
  ZMapImportQuery,
  ZMapEvent,
  ZMapNode,
  ZMapReadQuery,
  ZNodeCreate,
  ZNodeParams,
  ZNodeUpdate,
  ZPresenceBody,
  ZSurfaceParams,
  ZVersionQuery,
} from "./model/schemas";

const tag = "Flow maps";
const withVersion = <T extends z.ZodObject>(schema: T) => schema.extend({ mapVersion: z.number().int() });

export const mapPaths: ZodOpenApiPathsObject = {
  "/api/v1/surfaces/{id}/map": {
    get: operation({
      summary: "The whole flow map of a surface (optionally as it was at an earlier map version)",
      tag,
      permission: "map.read",
      params: ZSurfaceParams,
      query: ZMapReadQuery,
      response: ZFlowMap,
    }),
  },
  "/api/v1/surfaces/{id}/map/nodes": {
    post: operation({
      summary: "Add a node",
      tag,
      permission: "map.write",
      params: ZSurfaceParams,
      body: ZNodeCreate,
      response: withVersion(ZMapNode),
      status: 201,
      conflicts: true,
    }),
  },
  "/api/v1/surfaces/{id}/map/nodes/{nodeId}": {
    patch: operation({
      summary: "Change a node; send the version you hold (409 with the current node when someone changed the same fields)",
      tag,
      permission: "map.write",
      params: ZNodeParams,
      body: ZNodeUpdate,
      response: withVersion(ZMapNode),
      conflicts: true,
    }),
    delete: operation({
      summary: "Delete a node and its flows",
      tag,
      permission: "map.write",
      params: ZNodeParams,
      query: ZVersionQuery,
      response: ZMapEditResult,
      conflicts: true,
    }),
  },
  "/api/v1/surfaces/{id}/map/edges": {
    post: operation({
      summary: "Add a flow (OBSERVED, PROPOSED or DENIED: status APPROVED is refused with 400, approval is a joint decision)",
      tag,
      permission: "map.write",
      params: ZSurfaceParams,
      body: ZEdgeCreate,
      response: withVersion(ZMapEdge),
      status: 201,
      conflicts: true,
    }),
  },
  "/api/v1/surfaces/{id}/map/edges/{edgeId}": {
    patch: operation({
      summary:
        "Change a flow; send the version you hold. Setting APPROVED is refused (400); editing an approved flow's content makes it PROPOSED again",
      tag,
      permission: "map.write",
      params: ZEdgeParams,
      body: ZEdgeUpdate,
      response: withVersion(ZMapEdge),
      conflicts: true,
    }),
    delete: operation({
      summary: "Delete a flow",
      tag,
      permission: "map.write",
      params: ZEdgeParams,
      query: ZVersionQuery,
      response: ZMapEditResult,
      conflicts: true,
    }),
  },
  "/api/v1/surfaces/{id}/map/batch": {
    post: operation({
      summary: "Apply several operations at once, all or nothing (paste, layout, undo)",
      tag,
      permission: "map.write",
      params: ZSurfaceParams,
      body: ZMapBatch,
      response: ZMapEditResult,
      conflicts: true,
    }),
  },
  "/api/v1/surfaces/{id}/map/import": {
    post: operation({
      summary:
        "Import a map file, added to the map or replacing it (mode); every error is reported with its path in the file and nothing is saved unless all is valid. Flows cannot be imported as APPROVED",
      tag,
      permission: "map.write",
      params: ZSurfaceParams,
      query: ZMapImportQuery,
      body: ZMapDocument,
      response: ZMapEditResult,
      conflicts: true,
    }),
  },
  "/api/v1/surfaces/{id}/map/history": {
    get: operation({
      summary: "Map events: newest first, or oldest first after a version",
      tag,
      permission: "map.read",
      params: ZSurfaceParams,
      query: ZHistoryQuery,
      response: z.object({ version: z.number().int(), events: z.array(ZMapEvent) }),
    }),
  },
  "/api/v1/surfaces/{id}/map/events": {
    get: operation({
      summary:
        "Live stream (server-sent events): `hello`, `change` (id = map version; reconnects resume from Last-Event-ID) and `presence`",
      tag,
      permission: "map.read",
      params: ZSurfaceParams,
      query: ZEventsQuery,
      response: z.string(),
      responseType: "text/event-stream",
    }),
  },
  "/api/v1/surfaces/{id}/map/presence": {
    post: operation({
      summary: "Tell the others on the map that you are here and which element you are editing",
      tag,
      permission: "map.read",
      params: ZSurfaceParams,
      body: ZPresenceBody,
      response: z.object({ ok: z.boolean() }),
    }),
  },
};
