import { z } from "zod";
import type { Role, Team } from "@/lib/db/generated/enums.ts";

const ZTeam = z.enum(["NETOPS", "SECOPS", "LEADERSHIP"]);
const ZRole = z.enum(["VIEWER", "CONTRIBUTOR", "CAB_MEMBER", "EXECUTIVE", "ADMIN"]);

export type TOidcIdentity = { subject: string; email: string; name: string; team: Team | null; roles: Role[] };

function asList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === "string") return value.split(/[\s,]+/).filter(Boolean);
  return [];
}

/**
 * Reads team and roles from the identity provider's claims (names configured by OIDC_TEAM_CLAIM
 * and OIDC_ROLES_CLAIM). Values are matched case-insensitively; unknown values are ignored.
 */
export function mapOidcClaims(profile: Record<string, unknown>, claims: { team: string; roles: string }): TOidcIdentity | null {
  const subject = typeof profile.sub === "string" ? profile.sub : null;
  const email = typeof profile.email === "string" ? profile.email.toLowerCase() : null;
  if (!subject || !email) return null;
  const name =
    (typeof profile.name === "string" && profile.name) ||
    (typeof profile.preferred_username === "string" && profile.preferred_username) ||
    email;
  const team = ZTeam.safeParse(String(profile[claims.team] ?? "").toUpperCase());
  const roles = asList(profile[claims.roles])
    .map((role) => ZRole.safeParse(String(role).toUpperCase()))
    .flatMap((parsed) => (parsed.success ? [parsed.data] : []));
  return { subject, email, name, team: team.success ? team.data : null, roles: [...new Set(roles)] };
}
