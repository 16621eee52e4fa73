"use client";

import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Field, Textarea } from "@/components/ui/field";
import { meetingMinutesUrl, useMeeting, useMeetingAction, useMeetingVote } from "@/lib/cab/queries";
import { STATE_LABELS } from "@/lib/changes/lifecycle";
import { RiskBadge, StateBadge, TrackBadge } from "@/components/changes/badges";
import { describeFlow } from "@/components/changes/describe-flow";
import { FlowDiffCanvas } from "@/components/changes/flow-diff-canvas";
import { TeamBadge } from "@/components/shell/team-badge";
import { ChangePolicyPreview } from "@/components/enforcement/change-policy-preview";

type TViewer = { id: string; canManage: boolean; canVote: boolean };

export function MeetingMode({ meetingId, viewer }: { meetingId: string; viewer: TViewer }) {
  const query = useMeeting(meetingId);
  const [index, setIndex] = useState(0);
  const [comment, setComment] = useState("");
  const act = useMeetingAction(meetingId);
  const meetingVote = useMeetingVote(meetingId);
  const vote = (input: { changeId: string; decision: "APPROVE" | "REJECT"; retrospective: boolean }) =>
    meetingVote.mutate({ ...input, comment }, { onSuccess: () => setComment("") });
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
  const live = meeting.startedAt && !meeting.endedAt;
  const myVote = item?.votes.find((candidate) => candidate.userId === viewer.id);
  const isRequester = item?.change.requester.id === viewer.id;
  const votable = item && (item.retrospective || item.change.state === "CAB_REVIEW" || item.change.state === "EMERGENCY");
  return (
    <>
      <PageHeader
        title={meeting.title}
        description={`${new Date(meeting.scheduledAt).toLocaleString()} · ${meeting.attendees.map((attendee) => attendee.name).join(", ") || "no attendees yet"}`}
        actions={
          <>
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
            {viewer.canManage && !meeting.startedAt && (
              <Button onClick={() => act.mutate("start")} disabled={act.isPending}>
                Start meeting
              </Button>
            )}
            {viewer.canManage && live && (
              <Button variant="secondary" onClick={() => act.mutate("refresh-agenda")} disabled={act.isPending}>
                Refresh agenda
              </Button>
            )}
            {viewer.canManage && live && (
              <Button variant="danger" onClick={() => act.mutate("end")} disabled={act.isPending}>
                End meeting
              </Button>
            )}
          </>
        }
      />
      {meeting.items.length === 0 || !item ? (
        <EmptyState title="The agenda is empty" description="No change awaits the CAB right now." />
      ) : (
        <div className="grid gap-4 lg:grid-cols-4">
          <Card className="content-start lg:col-span-1">
            <h2 className="mb-2 font-semibold">Agenda</h2>
            <ol className="grid gap-1" aria-label="Agenda">
              {meeting.items.map((candidate, position) => (
                <li key={candidate.id}>
                  <button
                    type="button"
                    onClick={() => setIndex(position)}
                    aria-current={candidate.id === item.id ? "step" : undefined}
                    className={`w-full rounded-md px-2 py-1.5 text-left text-sm ${candidate.id === item.id ? "bg-accent/10 font-medium" : "hover:bg-surface-2"}`}
                  >
                    {position + 1}. #{candidate.change.number} {candidate.change.title}
                    <span className="block text-xs text-muted">
                      {candidate.retrospective
                        ? "Emergency review"
                        : candidate.change.state === "CAB_REVIEW"
                          ? "Awaiting decision"
                          : candidate.change.state === "EMERGENCY"
                            ? "Emergency, awaiting approval"
                            : STATE_LABELS[candidate.change.state].toLowerCase()}
                      {candidate.outcome ? ` · ${candidate.outcome.toLowerCase()}` : ""}
                    </span>
                  </button>
                </li>
              ))}
            </ol>
          </Card>
          <div className="grid content-start gap-4 lg:col-span-3">
            <Card className="grid gap-3">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h2 className="text-lg font-semibold">
                  <Link href={`/changes/${item.change.id}`} className="hover:underline">
                    #{item.change.number} {item.change.title}
                  </Link>
                </h2>
                <div className="flex gap-2">
                  <Button size="sm" variant="secondary" disabled={index === 0} onClick={() => setIndex(index - 1)}>
                    Previous item
                  </Button>
                  <Button size="sm" variant="secondary" disabled={index >= meeting.items.length - 1} onClick={() => setIndex(index + 1)}>
                    Next item
                  </Button>
                </div>
              </div>
              <div className="flex flex-wrap gap-2">
                <StateBadge state={item.change.state} />
                <TrackBadge track={item.change.track} />
                <RiskBadge score={item.change.riskScore} />
                {item.retrospective && <Badge tone="danger">Emergency — reviewed afterwards</Badge>}
              </div>
              <p className="text-sm text-muted">
                Requested by {item.change.requester.name} · {item.change.surfaces.map((surface) => surface.name).join(", ")}
              </p>
              <div>
                <h3 className="text-sm font-medium">Flow diff</h3>
                <ul className="mt-1 grid gap-1 text-sm" aria-label="Flow diff">
                  {item.change.operations.map((operation) => (
                    <li key={operation.id} className="rounded-md bg-surface-2 px-2 py-1">
                      <Badge tone={operation.kind === "ADD" ? "warning" : operation.kind === "REMOVE" ? "success" : "accent"}>
                        {operation.kind === "ADD" ? "Opens" : operation.kind === "REMOVE" ? "Closes" : "Changes"}
                      </Badge>{" "}
                      {operation.before && operation.kind !== "ADD" && (
                        <span className="text-muted line-through">{describeFlow(operation.before)}</span>
                      )}{" "}
                      {operation.after && describeFlow(operation.after)}
                    </li>
                  ))}
                </ul>
                <div className="mt-3">
                  <FlowDiffCanvas change={item.change} />
                </div>
              </div>
              <div>
                <h3 className="text-sm font-medium">Why it is here</h3>
                <ul className="mt-1 list-disc pl-5 text-sm">
                  {(item.change.classification?.matched ?? []).map((hit) => (
                    <li key={hit.ruleId}>
                      {hit.name}
                      {hit.decidedTrack ? " (decided the track)" : ""}
                    </li>
                  ))}
                  {item.change.emergencyReason && <li>Emergency: {item.change.emergencyReason}</li>}
                </ul>
              </div>
            </Card>
            <ChangePolicyPreview key={item.change.id} changeId={item.change.id} />
            <Card className="grid gap-3">
              <h3 className="font-semibold">Votes</h3>
              {item.votes.length === 0 ? (
                <p className="text-sm text-muted">No votes in this meeting yet.</p>
              ) : (
                <ul className="grid gap-1 text-sm" aria-label="Meeting votes">
                  {item.votes.map((candidate) => (
                    <li key={candidate.userId}>
                      <span className="font-medium">{candidate.name}</span> <TeamBadge team={candidate.team} />{" "}
                      <Badge tone={candidate.decision === "APPROVE" ? "success" : "danger"}>
                        {candidate.decision === "APPROVE" ? "Approve" : "Reject"}
                      </Badge>{" "}
                      {candidate.comment && <span className="text-muted">— {candidate.comment}</span>}
                    </li>
                  ))}
                </ul>
              )}
              {!live ? (
                <p className="text-sm text-muted">
                  {meeting.endedAt ? "The meeting has ended." : "Votes are recorded once the meeting has started."}
                </p>
              ) : !viewer.canVote ? (
                <p className="text-sm text-muted">Only CAB members vote.</p>
              ) : isRequester ? (
                <p className="text-sm text-muted">You requested this change, so you do not vote on it.</p>
              ) : myVote ? (
                <p className="text-sm text-muted">You voted on this item.</p>
              ) : !votable ? (
                <p className="text-sm text-muted">This item is decided.</p>
              ) : (
                <div className="grid gap-2">
                  <Field label="Your comment">
                    {(props) => <Textarea {...props} value={comment} onChange={(event) => setComment(event.target.value)} />}
                  </Field>
                  <div className="flex gap-2">
                    <Button
                      disabled={meetingVote.isPending}
                      onClick={() => vote({ changeId: item.change.id, decision: "APPROVE", retrospective: item.retrospective })}
                    >
                      Vote approve
                    </Button>
                    <Button
                      variant="danger"
                      disabled={meetingVote.isPending || !comment.trim()}
                      onClick={() => vote({ changeId: item.change.id, decision: "REJECT", retrospective: item.retrospective })}
                    >
                      Vote reject
                    </Button>
                  </div>
                </div>
              )}
            </Card>
          </div>
        </div>
      )}
    </>
  );
}
