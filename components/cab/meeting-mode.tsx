"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { meetingMinutesUrl, useJoinMeeting, useMeeting, useMeetingAction, useMeetingLive } from "@/lib/cab/queries";
import type { TMeeting } from "@/lib/cab/service";
import type { TLiveStatus } from "@/lib/live/use-server-events";
import { formatInZone } from "@/lib/organization/time-zone";
import { AgendaItem } from "./agenda-item";
import { AgendaList } from "./agenda-list";
import { EndMeetingDialog } from "./end-meeting-dialog";
import { MeetingVotes, type TViewer } from "./meeting-votes";
import { ChangePolicyPreview } from "@/components/enforcement/change-policy-preview";

const LIVE_LABELS: Record<TLiveStatus, string> = { connecting: "Connecting…", live: "Live", reconnecting: "Reconnecting…" };

function LiveStatus({ status }: { status: TLiveStatus }) {
  return (
    <span
      role="status"
      className="inline-flex items-center gap-1.5 text-xs text-muted"
      title="Votes and decisions appear here as they happen"
    >
      <span aria-hidden className={`h-2 w-2 rounded-full ${status === "live" ? "bg-success" : "bg-warning"}`} />
      {LIVE_LABELS[status]}
    </span>
  );
}

function describeMeeting(meeting: TMeeting): string {
  const people = meeting.attendees.map((attendee) => attendee.name).join(", ") || "no attendees yet";
  return `${formatInZone(meeting.scheduledAt, meeting.timeZone)} · ${people}`;
}

/** A CAB member who opens a meeting in progress joins it: they are in its attendees and its minutes. */
function useJoinWhenLive(meeting: TMeeting | undefined, viewer: TViewer) {
  const join = useJoinMeeting(meeting?.id ?? "");
  const asked = useRef(false);
  const live = Boolean(meeting?.startedAt && !meeting.endedAt);
  const present = meeting?.attendees.some((attendee) => attendee.id === viewer.id) ?? true;
  const { mutate } = join;
  useEffect(() => {
    if (!live || present || asked.current || !(viewer.canVote || viewer.canManage)) return;
    asked.current = true;
    mutate();
  }, [live, present, viewer.canVote, viewer.canManage, mutate]);
  return join;
}

export function MeetingMode({ meetingId, viewer }: { meetingId: string; viewer: TViewer }) {
  const query = useMeeting(meetingId);
  const liveStatus = useMeetingLive(meetingId, Boolean(query.data && !query.data.endedAt));
  const [index, setIndex] = useState(0);
  const [ending, setEnding] = useState(false);
  const act = useMeetingAction(meetingId);
  const join = useJoinWhenLive(query.data, viewer);
  if (query.isPending)
    return (
      <p className="text-sm text-muted" role="status">
        Loading the meeting…
      </p>
    );
  if (query.isError)
    return (
      <EmptyState
        title="The meeting could not be loaded"
        description={query.error.message}
        action={
          <Button asChild variant="secondary">
            <Link href="/cab">Back to the CAB</Link>
          </Button>
        }
      />
    );
  const meeting = query.data;
  const item = meeting.items[Math.min(index, meeting.items.length - 1)];
  const live = Boolean(meeting.startedAt && !meeting.endedAt);
  const present = meeting.attendees.some((attendee) => attendee.id === viewer.id);
  return (
    <>
      <PageHeader
        title={meeting.title}
        description={describeMeeting(meeting)}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            {meeting.pastRecord && <Badge tone="neutral">Record of a past meeting</Badge>}
            {!meeting.endedAt && <LiveStatus status={liveStatus} />}
            <Button asChild variant="secondary">
              <a href={meetingMinutesUrl(meetingId, "md")} download>
                Minutes (Markdown)
              </a>
            </Button>
            <Button asChild variant="secondary">
              <a href={meetingMinutesUrl(meetingId, "pdf")} download>
                Minutes (PDF)
              </a>
            </Button>
            {live && !present && !(viewer.canVote || viewer.canManage) && (
              <Button variant="secondary" onClick={() => join.mutate()} disabled={join.isPending}>
                Join meeting
              </Button>
            )}
            {viewer.canManage && !meeting.startedAt && (
              <Button onClick={() => act.mutate({ action: "start" })} disabled={act.isPending}>
                Start meeting
              </Button>
            )}
            {viewer.canManage && live && (
              <Button variant="secondary" onClick={() => act.mutate({ action: "refresh-agenda" })} disabled={act.isPending}>
                Refresh agenda
              </Button>
            )}
            {viewer.canManage && live && (
              <Button variant="danger" onClick={() => setEnding(true)} disabled={act.isPending}>
                End meeting
              </Button>
            )}
          </div>
        }
      />
      {ending && <EndMeetingDialog meeting={meeting} open={ending} onOpenChange={setEnding} />}
      {meeting.items.length === 0 || !item ? (
        <EmptyState title="The agenda is empty" description="No change awaits the CAB right now." />
      ) : (
        <div className="grid gap-4 lg:grid-cols-4">
          <AgendaList items={meeting.items} currentId={item.id} onSelect={setIndex} />
          <div className="grid min-w-0 content-start gap-4 lg:col-span-3">
            <AgendaItem
              item={item}
              panels={<ChangePolicyPreview key={item.change.id} changeId={item.change.id} />}
              navigation={
                <div className="flex gap-2">
                  <Button size="sm" variant="secondary" disabled={index === 0} onClick={() => setIndex(index - 1)}>
                    Previous item
                  </Button>
                  <Button size="sm" variant="secondary" disabled={index >= meeting.items.length - 1} onClick={() => setIndex(index + 1)}>
                    Next item
                  </Button>
                </div>
              }
            />
            <MeetingVotes key={item.id} meeting={meeting} item={item} viewer={viewer} />
          </div>
        </div>
      )}
    </>
  );
}
