import Link from "next/link";
import { cn } from "@/lib/ui/cn";

const LINKS = [
  { href: "/changes", label: "All changes" },
  { href: "/changes/rules", label: "Classification rules" },
  { href: "/changes/templates", label: "Standard templates" },
  { href: "/changes/calendar", label: "Calendar" },
];

export function ChangesNav({ current }: { current: string }) {
  return (
    <nav aria-label="Changes sections" className="mb-4 flex flex-wrap gap-1 border-b border-border">
      {LINKS.map((link) => (
        <Link
          key={link.href}
          href={link.href}
          aria-current={link.href === current ? "page" : undefined}
          className={cn(
            "-mb-px border-b-2 px-3 py-2 text-sm",
            link.href === current ? "border-accent font-medium text-fg" : "border-transparent text-muted hover:text-fg",
          )}
        >
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
