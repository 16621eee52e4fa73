import { apiRoute } from "@/lib/api/route";
import { MAP_BATCH_MAX_BYTES, ZMapBatch, ZSurfaceParams } from "@/lib/maps/model/schemas";
import { applyMapOperations } from "@/lib/maps/service";

export const POST = apiRoute(
  { permission: "map.write", params: ZSurfaceParams, body: ZMapBatch, maxBodyBytes: MAP_BATCH_MAX_BYTES },
  async ({ context, params, body }) => applyMapOperations(context, params.id, body.operations, body.reason),
);
