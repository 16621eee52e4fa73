"use client";

import Link from "next/link";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { useInbox, useMeetings } from "@/lib/cab/queries";
import { formatInZone } from "@/lib/organization/time-zone";
import { ScheduleMeetingForm } from "./schedule-meeting-form";
import { RiskBadge } from "@/components/changes/badges";

export function CabHome({ canManage }: { canManage: boolean }) {
  const meetings = useMeetings();
  const inbox = useInbox();
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <div className="grid content-start gap-4 lg:col-span-2">
        <Card>
          <h2 className="mb-3 font-semibold">Meetings</h2>
          {meetings.isPending ? (
            <p className="text-sm text-muted" role="status">
              Loading meetings…
            </p>
          ) : meetings.isError ? (
            <p role="alert" className="text-sm text-danger">
              {meetings.error.message}
            </p>
          ) : meetings.data.meetings.length === 0 ? (
            <EmptyState title="No meetings yet" description="Schedule one; its agenda builds itself from the changes awaiting the CAB." />
          ) : (
            <ul className="grid gap-2" aria-label="Meetings">
              {meetings.data.meetings.map((meeting) => (
                <li
                  key={meeting.id}
                  className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-border px-3 py-2"
                >
                  <div>
                    <Link className="font-medium text-accent hover:underline" href={`/cab/${meeting.id}`}>
                      {meeting.title}
                    </Link>
                    <p className="text-xs text-muted">
                      {formatInZone(meeting.scheduledAt, meetings.data.timeZone)} · {meeting.items} agenda items · {meeting.attendees}{" "}
                      attendees
                    </p>
                  </div>
                  <span className="flex flex-wrap gap-1">
                    {meeting.pastRecord && <Badge tone="neutral">Record of a past meeting</Badge>}
                    <Badge tone={meeting.endedAt ? "neutral" : meeting.startedAt ? "warning" : "accent"}>
                      {meeting.endedAt ? "Held" : meeting.startedAt ? "In progress" : "Upcoming"}
                    </Badge>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        {canManage && <ScheduleMeetingForm />}
      </div>
      <Card className="content-start">
        <h2 className="mb-3 font-semibold">Your pending votes</h2>
        {inbox.isPending ? (
          <p className="text-sm text-muted" role="status">
            Loading…
          </p>
        ) : inbox.isError ? (
          <p role="alert" className="text-sm text-danger">
            {inbox.error.message}
          </p>
        ) : inbox.data.pending.length === 0 ? (
          <p className="text-sm text-muted">Nothing waits for your vote.</p>
        ) : (
          <ul className="grid gap-2" aria-label="Pending votes">
            {inbox.data.pending.map((item) => (
              <li key={item.id} className="rounded-md border border-border px-3 py-2 text-sm">
                <Link className="font-medium text-accent hover:underline" href={`/changes/${item.id}`}>
                  #{item.number} {item.title}
                </Link>
                <div className="mt-1 flex flex-wrap gap-2">
                  {item.state === "EMERGENCY" && <Badge tone="danger">Emergency</Badge>}
                  <RiskBadge score={item.riskScore} />
                  <span className="text-xs text-muted">
                    {item.status.approvers}/{item.status.required} approvals
                  </span>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
