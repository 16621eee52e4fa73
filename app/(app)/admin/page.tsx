import { requireActor } from "@/lib/auth/current";
import { UsersAdmin } from "@/components/admin/users/users-admin";

export const metadata = { title: "Users · Admin" };

export default async function AdminUsersPage() {
  const actor = await requireActor("admin.users");
  return <UsersAdmin actorId={actor.id} />;
}
