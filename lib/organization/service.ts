import { db, type TTx } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { assertCan } from "@/lib/auth/permissions";
import type { TActorContext } from "@/lib/auth/actor";
import { isTimeZone } from "./time-zone";
import type { TOrganizationSettings } from "./schemas";

/** The settings as stored (a zone the runtime no longer knows reads as UTC rather than failing every print). */
export async function loadOrganizationSettings(tx: TTx = db): Promise<TOrganizationSettings> {
  const row = await tx.organizationSettings.findUnique({ where: { id: 1 } });
  const timeZone = row && isTimeZone(row.timeZone) ? row.timeZone : "UTC";
  return { timeZone };
}

/** Everyone signed in reads them: the zone tells every reader how times are shown. */
export async function getOrganizationSettings(context: TActorContext): Promise<TOrganizationSettings> {
  assertCan(context.actor, "dashboard.read");
  return loadOrganizationSettings();
}

export async function updateOrganizationSettings(context: TActorContext, input: TOrganizationSettings): Promise<TOrganizationSettings> {
  assertCan(context.actor, "admin.users");
  return db.$transaction(async (tx) => {
    const before = await loadOrganizationSettings(tx);
    await tx.organizationSettings.upsert({ where: { id: 1 }, create: { id: 1, ...input }, update: input });
    await recordAudit(tx, context, {
      action: "organization.settings.update",
      entityType: "OrganizationSettings",
      entityId: "1",
      before,
      after: input,
    });
    return input;
  });
}
