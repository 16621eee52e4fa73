import { requireActor } from "@/lib/auth/current";
import { OwnSessions } from "@/components/account/own-sessions";

export const metadata = { title: "Sessions · Account" };

export default async function AccountSessionsPage() {
  await requireActor();
  return <OwnSessions />;
}
