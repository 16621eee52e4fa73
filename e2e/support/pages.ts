import { db } from "@/lib/db";
import type { TSurfaceWithMap } from "./records";

/**
 * Every main page of the console, with real records behind the pages that show one: the demo seed's
 * newest change, CAB meeting and assessment, and a surface of the test's own.
 */
export async function mainPages(surface: TSurfaceWithMap): Promise<string[]> {
  const [change, meeting, assessment, webhook] = await Promise.all([
    db.change.findFirst({ orderBy: { createdAt: "desc" }, select: { id: true } }),
    db.cabMeeting.findFirst({ orderBy: { scheduledAt: "desc" }, select: { id: true } }),
    db.maturityAssessment.findFirst({ orderBy: { assessedOn: "desc" }, select: { id: true } }),
    db.webhookSubscription.findFirst({ select: { id: true } }),
  ]);
  return [
    "/dashboard",
    "/dashboard/kpis",
    "/dashboard/objectives",
    "/dashboard/team/netops",
    "/dashboard/indicators/flows.unencrypted_sensitive",
    "/maturity",
    ...(assessment ? [`/maturity/${assessment.id}`] : []),
    "/surfaces",
    "/surfaces/new",
    `/surfaces/${surface.id}`,
    `/surfaces/${surface.id}/map`,
    `/surfaces/${surface.id}/workshop`,
    `/surfaces/${surface.id}/policy`,
    "/flows",
    "/discovery",
    "/changes",
    "/changes/new",
    "/changes/calendar",
    "/changes/rules",
    "/changes/templates",
    ...(change ? [`/changes/${change.id}`] : []),
    "/cab",
    ...(meeting ? [`/cab/${meeting.id}`] : []),
    "/admin",
    "/admin/audit",
    "/admin/security",
    "/admin/tokens",
    "/admin/webhooks",
    ...(webhook ? [`/admin/webhooks/${webhook.id}`] : []),
    "/account/security",
    "/account/sessions",
  ];
}
