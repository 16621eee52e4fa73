import type { TNotificationInput } from "@/lib/notifications/service";
import { teamsWaitedOn, type TLifecycleSignOff, type TLifecycleSurface } from "./lifecycle";

/**
 * Who is told that a surface waits for their sign-off, and what they are told. Each owner whose
 * team's sign-off the surface still needs hears of it when it is submitted, when the other team
 * signs, and every time it goes back to review (reopened after agreement, or edited while in review
 * so that sign-offs were voided). Whoever caused it is not told of their own action.
 */
export type TSignOffNoticeReason = "submitted" | "signed" | "reopened" | "edited";

export type TNoticeSurface = TLifecycleSurface & { id: string; name: string };

function noticeFor(surface: TNoticeSurface, reason: TSignOffNoticeReason, detail: string | undefined): TNotificationInput {
  const link = `/surfaces/${surface.id}`;
  const version = `version ${surface.version}`;
  switch (reason) {
    case "submitted":
      return {
        type: "surface.signoff_needed",
        title: `“${surface.name}” waits for your sign-off`,
        body: `It was submitted for review (${version}). Your team's sign-off is needed before it is agreed.`,
        link,
      };
    case "signed":
      return {
        type: "surface.signoff_needed",
        title: `“${surface.name}” waits for your sign-off`,
        body: `${detail ?? "The other team"} signed off ${version}; it is agreed once your team signs too.`,
        link,
      };
    case "reopened":
      return {
        type: "surface.reopened",
        title: `“${surface.name}” was reopened for review`,
        body: `${detail ?? "It was edited after agreement"}. Both sign-offs were voided: ${version} needs your team's sign-off again.`,
        link,
      };
    case "edited":
      return {
        type: "surface.reopened",
        title: `“${surface.name}” changed: sign off again`,
        body: `${detail ?? "It was edited while in review"}. Any sign-off given so far was voided: ${version} needs your team's sign-off.`,
        link,
      };
  }
}

/** The owners to tell, and the notice. Nobody when nothing waits on a team (a draft, an agreed surface). */
export function signOffNotices(
  surface: TNoticeSurface,
  signOffs: TLifecycleSignOff[],
  { reason, actorId, detail }: { reason: TSignOffNoticeReason; actorId: string | null; detail?: string },
): { userIds: string[]; notification: TNotificationInput } {
  const owners = { NETOPS: surface.netopsOwnerId, SECOPS: surface.secopsOwnerId };
  const userIds = teamsWaitedOn(surface, signOffs)
    .map((team) => owners[team])
    .filter((id): id is string => id !== null && id !== actorId);
  return { userIds: [...new Set(userIds)], notification: noticeFor(surface, reason, detail) };
}
