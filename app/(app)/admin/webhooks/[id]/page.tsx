import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/current";
import { ZId } from "@/lib/users/schemas";
import { WebhookDeliveries } from "@/components/admin/webhooks/webhook-deliveries";

export const metadata = { title: "Webhook deliveries · Admin" };

export default async function AdminWebhookDeliveriesPage({ params }: { params: Promise<{ id: string }> }) {
  await requireActor("admin.webhooks");
  const { id } = await params;
  if (!ZId.safeParse(id).success) notFound();
  return <WebhookDeliveries subscriptionId={id} />;
}
