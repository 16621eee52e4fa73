import { apiRoute } from "@/lib/api/route";
import { ZNodeParams, ZNodeUpdate, ZVersionQuery } from "@/lib/maps/model/schemas";
import { deleteElement, updateNode } from "@/lib/maps/service";

export const PATCH = apiRoute({ permission: "map.write", params: ZNodeParams, body: ZNodeUpdate }, async ({ context, params, body }) => {
  const { version, ...patch } = body;
  return updateNode(context, params.id, params.nodeId, version, patch);
});

export const DELETE = apiRoute({ permission: "map.write", params: ZNodeParams, query: ZVersionQuery }, async ({ context, params, query }) =>
  deleteElement(context, params.id, "node", params.nodeId, query.version),
);
