import { apiRoute } from "@/lib/api/route";
import { MAX_POLICY_TEXT, ZBootstrapRequest, ZPolicyParams } from "@/lib/enforcement/schemas";
import { bootstrapFromPolicy } from "@/lib/enforcement/service";

export const POST = apiRoute(
  { permission: "map.write", params: ZPolicyParams, body: ZBootstrapRequest, maxBodyBytes: MAX_POLICY_TEXT * 2 },
  async ({ context, params, body }) => Response.json(await bootstrapFromPolicy(context, params.id, body.policy), { status: 201 }),
);
