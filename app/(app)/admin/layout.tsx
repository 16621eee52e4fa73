import type { ReactNode } from "react";
import { requireActor } from "@/lib/auth/current";
import { AdminNav } from "@/components/admin/admin-nav";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireActor("admin.users");
  return (
    <>
      <AdminNav />
      {children}
    </>
  );
}
