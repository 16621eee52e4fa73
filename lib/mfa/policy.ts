import "server-only";
import { db, type Role, type TTx } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { assertCan } from "@/lib/auth/permissions";
import type { TActorContext } from "@/lib/auth/actor";
import { getEnv } from "@/lib/env";
import { ZRole } from "@/lib/users/schemas";
import { mfaRequiredForRole, mfaRequiredForRoles } from "./rules";
import type { TMfaPolicy, TSetMfaPolicy } from "./schemas";

async function loadPolicies(tx: TTx): Promise<Map<Role, boolean>> {
  const rows = await tx.mfaRolePolicy.findMany();
  return new Map(rows.map((row) => [row.role, row.required]));
}

function production(): boolean {
  return getEnv().CONCORD_ENV === "production";
}

export async function rolesRequireMfa(tx: TTx, roles: readonly Role[]): Promise<boolean> {
  return mfaRequiredForRoles(roles, await loadPolicies(tx), production());
}

export async function listMfaPolicies(context: TActorContext): Promise<TMfaPolicy[]> {
  assertCan(context.actor, "admin.users");
  const policies = await loadPolicies(db);
  return ZRole.options.map((role) => ({
    role,
    required: mfaRequiredForRole(role, policies, production()),
    isDefault: !policies.has(role),
  }));
}

/** Applies from each person's next sign-in: a signed-in user is not cut off mid-task. */
export async function setMfaPolicy(context: TActorContext, input: TSetMfaPolicy): Promise<TMfaPolicy[]> {
  assertCan(context.actor, "admin.users");
  await db.$transaction(async (tx) => {
    const before = await tx.mfaRolePolicy.findUnique({ where: { role: input.role } });
    await tx.mfaRolePolicy.upsert({ where: { role: input.role }, create: input, update: { required: input.required } });
    await recordAudit(tx, context, {
      action: "mfa.policy.set",
      entityType: "MfaRolePolicy",
      entityId: input.role,
      before: before ? { required: before.required } : null,
      after: { required: input.required },
    });
  });
  return listMfaPolicies(context);
}
