import type { Role } from "@/lib/db/generated/enums.ts";

/** How a person proved who they are in a session. Only the last four are a second factor. */
export const STEP_UP_FACTORS = ["password", "oidc", "totp", "recovery_code", "passkey", "oidc_mfa"] as const;
export type TStepUpFactor = (typeof STEP_UP_FACTORS)[number];

const SECOND_FACTORS: ReadonlySet<string> = new Set<TStepUpFactor>(["totp", "recovery_code", "passkey", "oidc_mfa"]);

export function isSecondFactor(factor: string | null | undefined): boolean {
  return Boolean(factor && SECOND_FACTORS.has(factor));
}

/**
 * A decision needs a recent proof: a second factor for an account that has one, otherwise the
 * password (or a fresh single sign-on) within the window.
 */
export function stepUpSatisfied(
  session: { stepUpAt: Date | null; stepUpFactor: string | null },
  hasSecondFactor: boolean,
  now: Date,
  windowMinutes: number,
): boolean {
  if (!session.stepUpAt || !session.stepUpFactor) return false;
  const age = now.getTime() - session.stepUpAt.getTime();
  if (age < 0 || age > windowMinutes * 60_000) return false;
  return hasSecondFactor ? isSecondFactor(session.stepUpFactor) : true;
}

/** Roles that must use a second factor when no administrator has said otherwise. */
export const PRODUCTION_MFA_ROLES: readonly Role[] = ["CAB_MEMBER", "ADMIN"];

/** The policy for each role: an administrator's choice, else the default of the environment. */
export function mfaRequiredForRole(role: Role, policies: ReadonlyMap<Role, boolean>, production: boolean): boolean {
  return policies.get(role) ?? (production && PRODUCTION_MFA_ROLES.includes(role));
}

export function mfaRequiredForRoles(roles: readonly Role[], policies: ReadonlyMap<Role, boolean>, production: boolean): boolean {
  return roles.some((role) => mfaRequiredForRole(role, policies, production));
}

/** RFC 8176 methods that are themselves more than a password. */
const MULTI_FACTOR_AMR = new Set(["mfa", "otp", "hwk", "swk", "sc", "fpt", "face", "iris", "retina", "vbm"]);

/**
 * Whether the identity provider says it checked more than a password: an `amr` naming a second
 * factor, or an `acr` from the configured list.
 */
export function oidcClaimsSatisfyMfa(claims: Record<string, unknown>, mfaAcrValues: readonly string[]): boolean {
  const amr = Array.isArray(claims.amr) ? claims.amr.filter((value): value is string => typeof value === "string") : [];
  if (amr.some((method) => MULTI_FACTOR_AMR.has(method.toLowerCase()))) return true;
  return typeof claims.acr === "string" && mfaAcrValues.includes(claims.acr);
}

/** Recovery codes are typed by hand: case, spaces and dashes do not matter. */
export function normalizeRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[\s-]/g, "");
}

/** TOTP codes may be typed with a space in the middle ("123 456"). */
export function normalizeTotpCode(input: string): string | null {
  const digits = input.replace(/\s/g, "");
  return /^\d{6}$/.test(digits) ? digits : null;
}
