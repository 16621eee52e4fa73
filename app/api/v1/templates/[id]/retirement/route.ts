import { apiRoute } from "@/lib/api/route";
import { ZIdParams } from "@/lib/users/schemas";
import { ZTemplateRetirement } from "@/lib/change-policy/schemas";
import { approveTemplateRetirement } from "@/lib/change-policy/template-lifecycle";

export const POST = apiRoute(
  { permission: "rule.approve", decision: true, params: ZIdParams, body: ZTemplateRetirement },
  async ({ context, params, body }) => approveTemplateRetirement(context, params.id, body),
);
