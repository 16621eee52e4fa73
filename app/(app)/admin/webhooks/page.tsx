import { requireActor } from "@/lib/auth/current";
import { WebhooksAdmin } from "@/components/admin/webhooks/webhooks-admin";

export const metadata = { title: "Webhooks · Admin" };

export default async function AdminWebhooksPage() {
  await requireActor("admin.webhooks");
  return <WebhooksAdmin />;
}
