"use client";

import { DropdownMenu } from "radix-ui";
import { signOut } from "next-auth/react";
import { useTheme } from "next-themes";
import Link from "next/link";
import { LaptopMinimal, LogOut, Monitor, Moon, ShieldCheck, Sun } from "lucide-react";
import type { TActor } from "@/lib/auth/actor";
import { formatRole, TEAM_LABELS } from "@/lib/ui/labels";
import { TeamBadge } from "./team-badge";

const itemClass = "flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-surface-2";

export function UserMenu({ actor }: { actor: TActor }) {
  const { theme, setTheme } = useTheme();
  const initials = actor.name
    .split(/\s+/)
    .map((part) => part[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        className="flex items-center gap-2 rounded-md px-2 py-1 text-sm hover:bg-surface-2"
        aria-label={`Account menu for ${actor.name}`}
      >
        <span aria-hidden className="flex h-8 w-8 items-center justify-center rounded-full bg-accent text-xs font-semibold text-accent-fg">
          {initials}
        </span>
        <span className="hidden text-left sm:block">
          <span className="block font-medium leading-tight">{actor.name}</span>
          <span className="block text-xs text-muted">{TEAM_LABELS[actor.team]}</span>
        </span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={6} className="z-50 w-64 rounded-md border border-border bg-surface p-1 shadow-lg">
          <div className="px-2 py-2" data-testid="user-menu-identity">
            <p className="text-sm font-medium">{actor.name}</p>
            <p className="truncate text-xs text-muted">{actor.email}</p>
            <div className="mt-2 flex flex-wrap gap-1">
              <TeamBadge team={actor.team} />
              {actor.roles.map((role) => (
                <span key={role} className="rounded bg-surface-2 px-1.5 py-0.5 text-xs">
                  {formatRole(role)}
                </span>
              ))}
            </div>
          </div>
          <DropdownMenu.Separator className="my-1 h-px bg-border" />
          <DropdownMenu.Label className="px-2 py-1 text-xs text-muted">Theme</DropdownMenu.Label>
          <DropdownMenu.RadioGroup value={theme ?? "system"} onValueChange={setTheme}>
            <DropdownMenu.RadioItem value="light" className={itemClass}>
              <Sun aria-hidden className="h-4 w-4" /> Light
            </DropdownMenu.RadioItem>
            <DropdownMenu.RadioItem value="dark" className={itemClass}>
              <Moon aria-hidden className="h-4 w-4" /> Dark
            </DropdownMenu.RadioItem>
            <DropdownMenu.RadioItem value="system" className={itemClass}>
              <Monitor aria-hidden className="h-4 w-4" /> System
            </DropdownMenu.RadioItem>
          </DropdownMenu.RadioGroup>
          <DropdownMenu.Separator className="my-1 h-px bg-border" />
          <DropdownMenu.Item className={itemClass} asChild>
            <Link href="/account/security">
              <ShieldCheck aria-hidden className="h-4 w-4" /> Security
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item className={itemClass} asChild>
            <Link href="/account/sessions">
              <LaptopMinimal aria-hidden className="h-4 w-4" /> Sessions
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item className={itemClass} onSelect={() => void signOut({ callbackUrl: "/signin" })}>
            <LogOut aria-hidden className="h-4 w-4" /> Sign out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
