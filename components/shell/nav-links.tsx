"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { ArrowLeftRight, ClipboardCheck, GitPullRequestArrow, LayoutDashboard, Radar, Settings, ShieldCheck } from "lucide-react";
import type { TNavItem } from "@/lib/ui/navigation";
import { cn } from "@/lib/ui/cn";

const ICONS = {
  dashboard: LayoutDashboard,
  surfaces: ShieldCheck,
  flows: ArrowLeftRight,
  discovery: Radar,
  changes: GitPullRequestArrow,
  cab: ClipboardCheck,
  admin: Settings,
} as const;

export function NavLinks({ items }: { items: TNavItem[] }) {
  const pathname = usePathname();
  return (
    <ul className="flex flex-col gap-1">
      {items.map((item) => {
        const Icon = ICONS[item.icon];
        const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? "page" : undefined}
              className={cn(
                "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium text-muted hover:bg-surface-2 hover:text-fg",
                active && "bg-surface-2 text-fg",
              )}
            >
              <Icon aria-hidden className="h-4 w-4" />
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
