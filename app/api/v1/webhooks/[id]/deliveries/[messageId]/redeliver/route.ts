import { apiRoute } from "@/lib/api/route";
import { ZWebhookMessageParams } from "@/lib/webhooks/schemas";
import { redeliverWebhookMessage } from "@/lib/webhooks/service";

export const POST = apiRoute({ permission: "admin.webhooks", decision: true, params: ZWebhookMessageParams }, async ({ context, params }) =>
  redeliverWebhookMessage(context, params.id, params.messageId),
);
