import { apiRoute } from "@/lib/api/route";
import { ZImportListQuery } from "@/lib/discovery/schemas";
import { listImports } from "@/lib/discovery/service";

export const GET = apiRoute({ permission: "map.read", query: ZImportListQuery }, async ({ context, query }) => listImports(context, query));
