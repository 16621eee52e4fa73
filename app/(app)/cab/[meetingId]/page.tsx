import { requireActor } from "@/lib/auth/current";
import { requireUuidParam } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { MeetingMode } from "@/components/cab/meeting-mode";

export const metadata = { title: "CAB meeting" };

export default async function MeetingPage({ params }: { params: Promise<{ meetingId: string }> }) {
  const actor = await requireActor("cab.read");
  const meetingId = await requireUuidParam(params, "meetingId");
  return (
    <MeetingMode
      meetingId={meetingId}
      viewer={{ id: actor.id, canManage: can(actor, "cab.manage"), canVote: can(actor, "change.approve") }}
    />
  );
}
