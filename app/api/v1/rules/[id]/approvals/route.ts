import { apiRoute } from "@/lib/api/route";
import { ZIdParams } from "@/lib/users/schemas";
import { approveRule } from "@/lib/change-policy/rules-service";

export const POST = apiRoute({ permission: "rule.approve", decision: true, params: ZIdParams }, async ({ context, params }) =>
  approveRule(context, params.id),
);
