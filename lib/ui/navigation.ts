import type { TPermission } from "@/lib/auth/permissions";

export type TNavItem = {
  href: string;
  label: string;
  permission: TPermission;
  icon: "dashboard" | "surfaces" | "flows" | "discovery" | "changes" | "cab" | "admin";
};

/** The sections of the console; an item is shown only to roles that hold its permission. */
export const NAV_ITEMS: TNavItem[] = [
  { href: "/dashboard", label: "Dashboard", permission: "dashboard.read", icon: "dashboard" },
  { href: "/surfaces", label: "Protect surfaces", permission: "surface.read", icon: "surfaces" },
  { href: "/flows", label: "Flows", permission: "map.read", icon: "flows" },
  { href: "/discovery", label: "Discovery", permission: "map.read", icon: "discovery" },
  { href: "/changes", label: "Changes", permission: "change.read", icon: "changes" },
  { href: "/cab", label: "CAB", permission: "cab.read", icon: "cab" },
  { href: "/admin", label: "Admin", permission: "admin.users", icon: "admin" },
];
