import { requireActor } from "@/lib/auth/current";
import { TokensAdmin } from "@/components/admin/tokens/tokens-admin";

export const metadata = { title: "API tokens · Admin" };

export default async function AdminTokensPage() {
  await requireActor("admin.users");
  return <TokensAdmin />;
}
