import { apiRoute } from "@/lib/api/route";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { apiPaths } from "@/lib/api/paths";

let cached: ReturnType<typeof buildOpenApiDocument> | undefined;

export const GET = apiRoute({ permission: null }, async () => {
  cached ??= buildOpenApiDocument(apiPaths);
  return cached;
});
