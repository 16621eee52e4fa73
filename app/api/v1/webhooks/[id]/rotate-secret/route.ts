import { apiRoute } from "@/lib/api/route";
import { ZIdParams } from "@/lib/users/schemas";
import { rotateWebhookSecret } from "@/lib/webhooks/service";

export const POST = apiRoute({ permission: "admin.webhooks", decision: true, params: ZIdParams }, async ({ context, params }) =>
  rotateWebhookSecret(context, params.id),
);
