import "server-only";
import crypto from "node:crypto";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { assertCan } from "@/lib/auth/permissions";
import type { TActorContext } from "@/lib/auth/actor";
import { SERVICE_ACCOUNT_ROLES, type TCreateServiceAccount, type TServiceAccount } from "./schemas";

/** Service accounts never receive mail nor sign in: their addresses are in a reserved domain. */
const SERVICE_ACCOUNT_DOMAIN = "service-account.invalid";

const accountInclude = { _count: { select: { apiTokens: { where: { revokedAt: null } } } } } as const;

type TAccountRow = {
  id: string;
  name: string;
  email: string;
  roles: string[];
  status: "ACTIVE" | "DISABLED";
  createdAt: Date;
  _count: { apiTokens: number };
};

function toServiceAccount(row: TAccountRow): TServiceAccount {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    roles: row.roles.filter((role): role is TServiceAccount["roles"][number] =>
      (SERVICE_ACCOUNT_ROLES as readonly string[]).includes(role),
    ),
    status: row.status,
    liveTokens: row._count.apiTokens,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listServiceAccounts(context: TActorContext): Promise<TServiceAccount[]> {
  assertCan(context.actor, "admin.users");
  const rows = await db.user.findMany({ where: { kind: "SERVICE_ACCOUNT" }, include: accountInclude, orderBy: { name: "asc" }, take: 500 });
  return rows.map(toServiceAccount);
}

/**
 * A service account is automation with its own identity: in no team (so it can never count for
 * NetOps or SecOps), without a password or single sign-on, acting only through its tokens.
 */
export async function createServiceAccount(context: TActorContext, input: TCreateServiceAccount): Promise<TServiceAccount> {
  assertCan(context.actor, "admin.users");
  const slug =
    input.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 40) || "automation";
  const email = `${slug}-${crypto.randomBytes(3).toString("hex")}@${SERVICE_ACCOUNT_DOMAIN}`;
  return db.$transaction(async (tx) => {
    const row = await tx.user.create({
      data: { email, name: input.name, team: "NONE", roles: input.roles, kind: "SERVICE_ACCOUNT" },
      include: accountInclude,
    });
    const account = toServiceAccount(row);
    await recordAudit(tx, context, {
      action: "service_account.create",
      entityType: "User",
      entityId: account.id,
      after: { name: account.name, email, roles: account.roles, team: "NONE" },
    });
    return account;
  });
}
