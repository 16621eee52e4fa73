import { apiRoute } from "@/lib/api/route";
import { ZEdgeParams, ZEdgeUpdate, ZVersionQuery } from "@/lib/maps/model/schemas";
import { deleteElement, updateEdge } from "@/lib/maps/service";

export const PATCH = apiRoute({ permission: "map.write", params: ZEdgeParams, body: ZEdgeUpdate }, async ({ context, params, body }) => {
  const { version, ...patch } = body;
  return updateEdge(context, params.id, params.edgeId, version, patch);
});

export const DELETE = apiRoute({ permission: "map.write", params: ZEdgeParams, query: ZVersionQuery }, async ({ context, params, query }) =>
  deleteElement(context, params.id, "edge", params.edgeId, query.version),
);
