import { apiRoute } from "@/lib/api/route";
import { ZIdParams } from "@/lib/users/schemas";
import { ZWebhookDeliveryListQuery } from "@/lib/webhooks/schemas";
import { listWebhookDeliveries } from "@/lib/webhooks/service";

export const GET = apiRoute(
  { permission: "admin.webhooks", params: ZIdParams, query: ZWebhookDeliveryListQuery },
  async ({ context, params, query }) => ({
    deliveries: await listWebhookDeliveries(context, params.id, query),
  }),
);
