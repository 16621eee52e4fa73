import { apiRoute } from "@/lib/api/route";
import { ZIdParams } from "@/lib/users/schemas";
import { ZRuleRetirement } from "@/lib/change-policy/schemas";
import { proposeRetirement } from "@/lib/change-policy/rules-service";

export const POST = apiRoute(
  { permission: "rule.propose", decision: true, params: ZIdParams, body: ZRuleRetirement },
  async ({ context, params, body }) => Response.json(await proposeRetirement(context, params.id, body), { status: 201 }),
);
