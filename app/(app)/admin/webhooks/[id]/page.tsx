import { requireActor } from "@/lib/auth/current";
import { requireUuidParam } from "@/lib/auth/page";
import { WebhookDeliveries } from "@/components/admin/webhooks/webhook-deliveries";

export const metadata = { title: "Webhook deliveries · Admin" };

export default async function AdminWebhookDeliveriesPage({ params }: { params: Promise<{ id: string }> }) {
  await requireActor("admin.webhooks");
  const id = await requireUuidParam(params, "id");
  return <WebhookDeliveries subscriptionId={id} />;
}
