import Link from "next/link";
import type { ReactNode } from "react";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";
import { NAV_ITEMS } from "@/lib/ui/navigation";
import { NavLinks } from "@/components/shell/nav-links";
import { UserMenu } from "@/components/shell/user-menu";
import { NotificationBell } from "@/components/shell/notification-bell";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  const items = NAV_ITEMS.filter((item) => can(actor, item.permission));
  return (
    <div className="flex min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <aside className="hidden w-60 shrink-0 border-r border-border bg-surface md:block">
        <div className="px-5 py-5">
          <Link href="/dashboard" className="text-lg font-semibold tracking-tight">
            Concord
          </Link>
          <p className="text-xs text-muted">One Zero Trust program, two teams</p>
        </div>
        <nav aria-label="Main" className="px-3">
          <NavLinks items={items} />
        </nav>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-14 items-center justify-between border-b border-border bg-surface px-4">
          <nav aria-label="Main (compact)" className="md:hidden">
            <details>
              <summary className="cursor-pointer text-sm font-medium">Menu</summary>
              <div className="absolute z-40 mt-2 w-56 rounded-md border border-border bg-surface p-2 shadow-lg">
                <NavLinks items={items} />
              </div>
            </details>
          </nav>
          <span className="hidden md:block" />
          <div className="flex items-center gap-1">
            <NotificationBell />
            <UserMenu actor={actor} />
          </div>
        </header>
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 sm:px-6">
          {children}
        </main>
      </div>
    </div>
  );
}
