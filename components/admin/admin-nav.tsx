"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/ui/cn";

const SECTIONS = [
  { href: "/admin", label: "Users" },
  { href: "/admin/audit", label: "Audit trail" },
  { href: "/admin/tokens", label: "API tokens" },
  { href: "/admin/webhooks", label: "Webhooks" },
  { href: "/admin/security", label: "Sign-in security" },
  { href: "/admin/organization", label: "Organization" },
] as const;

/** The admin area's tabs; the current one is marked for screen readers with aria-current. */
export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Administration" className="mb-6 border-b border-border">
      <ul className="relative -mb-px flex gap-1 overflow-x-auto">
        {SECTIONS.map((section) => {
          const current = section.href === "/admin" ? pathname === "/admin" : pathname.startsWith(section.href);
          return (
            <li key={section.href}>
              <Link
                href={section.href}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "inline-block border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap",
                  current ? "border-accent text-fg" : "border-transparent text-muted hover:border-border hover:text-fg",
                )}
              >
                {section.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
