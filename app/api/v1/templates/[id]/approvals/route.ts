import { apiRoute } from "@/lib/api/route";
import { ZIdParams } from "@/lib/users/schemas";
import { approveTemplate } from "@/lib/change-policy/templates-service";

export const POST = apiRoute({ permission: "rule.approve", decision: true, params: ZIdParams }, async ({ context, params }) =>
  approveTemplate(context, params.id),
);
