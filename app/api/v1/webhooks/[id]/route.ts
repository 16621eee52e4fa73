import { apiRoute } from "@/lib/api/route";
import { ZIdParams } from "@/lib/users/schemas";
import { ZUpdateWebhookSubscription } from "@/lib/webhooks/schemas";
import { getWebhookSubscription, updateWebhookSubscription } from "@/lib/webhooks/service";

export const GET = apiRoute({ permission: "admin.webhooks", decision: true, params: ZIdParams }, async ({ context, params }) =>
  getWebhookSubscription(context, params.id),
);

export const PATCH = apiRoute(
  { permission: "admin.webhooks", decision: true, params: ZIdParams, body: ZUpdateWebhookSubscription },
  async ({ context, params, body }) => updateWebhookSubscription(context, params.id, body),
);
