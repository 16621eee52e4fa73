import type { Role } from "@/lib/db/generated/enums.ts";
import { ForbiddenError } from "@/lib/errors";
import type { TActor } from "./actor";

/**
 * Which role may do what. This table is the whole authorization policy: the navigation hides what
 * a user cannot use, and every route handler and server action checks the same table. Rules that
 * depend on the record (owners, teams, segregation of duties) live in the domain services.
 */
const EVERYONE: readonly Role[] = ["VIEWER", "CONTRIBUTOR", "CAB_MEMBER", "EXECUTIVE", "ADMIN"];

export const PERMISSIONS = {
  "surface.read": EVERYONE,
  "surface.write": ["CONTRIBUTOR"],
  "surface.signoff": ["CONTRIBUTOR"],
  "surface.comment": ["CONTRIBUTOR", "CAB_MEMBER"],
  "surface.delete": ["ADMIN"],
  "map.read": EVERYONE,
  "map.write": ["CONTRIBUTOR"],
  "change.read": EVERYONE,
  "change.write": ["CONTRIBUTOR"],
  "change.approve": ["CAB_MEMBER"],
  "rule.read": EVERYONE,
  "rule.propose": ["CONTRIBUTOR", "CAB_MEMBER"],
  "rule.approve": ["CONTRIBUTOR", "CAB_MEMBER"],
  "cab.read": ["CAB_MEMBER", "EXECUTIVE", "ADMIN"],
  "cab.manage": ["CAB_MEMBER"],
  "discovery.import": ["CONTRIBUTOR"],
  "discovery.undo": ["ADMIN"],
  "dashboard.read": EVERYONE,
  "maturity.assess": ["CONTRIBUTOR"],
  "metrics.write": ["CONTRIBUTOR", "ADMIN"],
  "admin.users": ["ADMIN"],
  "admin.audit": ["ADMIN"],
  "admin.webhooks": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type TPermission = keyof typeof PERMISSIONS;

export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as TPermission[];

export function can(actor: Pick<TActor, "roles"> | null | undefined, permission: TPermission): boolean {
  if (!actor) return false;
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return actor.roles.some((role) => allowed.includes(role));
}

export function assertCan(actor: Pick<TActor, "roles"> | null | undefined, permission: TPermission): void {
  if (!can(actor, permission)) throw new ForbiddenError(`Your roles do not allow ${describePermission(permission)}.`);
}

export function describePermission(permission: TPermission): string {
  const [area, verb] = permission.split(".");
  return `${verb} on ${area}`;
}
