import { apiRoute } from "@/lib/api/route";
import { ZCreateWebhookSubscription } from "@/lib/webhooks/schemas";
import { createWebhookSubscription, listWebhookSubscriptions } from "@/lib/webhooks/service";

export const GET = apiRoute({ permission: "admin.webhooks", decision: true }, async ({ context }) => ({
  subscriptions: await listWebhookSubscriptions(context),
}));

export const POST = apiRoute(
  { permission: "admin.webhooks", decision: true, body: ZCreateWebhookSubscription },
  async ({ context, body }) => Response.json(await createWebhookSubscription(context, body), { status: 201 }),
);
