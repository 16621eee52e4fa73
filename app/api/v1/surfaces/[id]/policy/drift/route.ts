import { apiRoute } from "@/lib/api/route";
import { MAX_POLICY_TEXT, ZDriftRequest, ZPolicyParams } from "@/lib/enforcement/schemas";
import { checkPolicyDrift } from "@/lib/enforcement/service";

export const POST = apiRoute(
  { permission: "map.read", params: ZPolicyParams, body: ZDriftRequest, maxBodyBytes: MAX_POLICY_TEXT * 2 },
  async ({ context, params, body }) => Response.json(await checkPolicyDrift(context, params.id, body)),
);
