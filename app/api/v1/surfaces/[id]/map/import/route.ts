import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { MAP_BATCH_MAX_BYTES, ZMapImportQuery, ZSurfaceParams } from "@/lib/maps/model/schemas";
import { importMap } from "@/lib/maps/service";

// The file is checked by the import itself, so that every error carries its path in the file.
export const POST = apiRoute(
  { permission: "map.write", params: ZSurfaceParams, query: ZMapImportQuery, body: z.unknown(), maxBodyBytes: MAP_BATCH_MAX_BYTES },
  async ({ context, params, query, body }) => importMap(context, params.id, body, query.mode),
);
