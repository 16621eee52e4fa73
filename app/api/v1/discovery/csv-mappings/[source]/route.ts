import { apiRoute } from "@/lib/api/route";
import { ZCsvMappingBody, ZCsvMappingParams } from "@/lib/discovery/schemas";
import { getCsvMapping, saveCsvMapping } from "@/lib/discovery/service";

export const GET = apiRoute({ permission: "map.read", params: ZCsvMappingParams }, async ({ context, params }) =>
  getCsvMapping(context, params.source),
);

export const PUT = apiRoute(
  { permission: "discovery.import", params: ZCsvMappingParams, body: ZCsvMappingBody },
  async ({ context, params, body }) => saveCsvMapping(context, params.source, body.mapping),
);
