"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";
import { Field, Textarea } from "@/components/ui/field";
import { TeamBadge } from "@/components/shell/team-badge";
import { useMeetingVote } from "@/lib/cab/queries";
import type { TMeeting, TMeetingItem } from "@/lib/cab/service";
import { formatTimeInZone } from "@/lib/organization/time-zone";
import { VOTE_LABELS } from "@/lib/ui/labels";

export type TViewer = { id: string; canManage: boolean; canVote: boolean };

/** The votes cast on an item in this meeting (arriving live from everyone's screens) and the viewer's own vote. */
export function MeetingVotes({ meeting, item, viewer }: { meeting: TMeeting; item: TMeetingItem; viewer: TViewer }) {
  const [comment, setComment] = useState("");
  const meetingVote = useMeetingVote(meeting.id);
  const live = meeting.startedAt && !meeting.endedAt;
  const myVote = item.votes.find((candidate) => candidate.userId === viewer.id);
  const isRequester = item.change.requester.id === viewer.id;
  const votable = item.retrospective || item.change.state === "CAB_REVIEW" || item.change.state === "EMERGENCY";
  const vote = (decision: "APPROVE" | "REJECT") =>
    meetingVote.mutate(
      { changeId: item.change.id, decision, comment, retrospective: item.retrospective },
      { onSuccess: () => setComment("") },
    );
  return (
    <Card className="grid gap-3">
      <h3 className="font-semibold">Votes</h3>
      {item.votes.length === 0 ? (
        <p className="text-sm text-muted">No votes in this meeting yet.</p>
      ) : (
        <ul className="grid gap-1 text-sm" aria-label="Meeting votes" aria-live="polite">
          {item.votes.map((candidate) => (
            <li key={candidate.userId}>
              <span className="font-medium">{candidate.name}</span> <TeamBadge team={candidate.team} />{" "}
              <Badge tone={candidate.decision === "APPROVE" ? "success" : "danger"}>{VOTE_LABELS[candidate.decision]}</Badge>{" "}
              <span className="text-xs text-muted">{formatTimeInZone(candidate.createdAt, meeting.timeZone)}</span>{" "}
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
          <Field label="Your comment" hint="Required to reject: say why.">
            {(props) => <Textarea {...props} value={comment} maxLength={2000} onChange={(event) => setComment(event.target.value)} />}
          </Field>
          <div className="flex flex-wrap gap-2">
            <Button disabled={meetingVote.isPending} onClick={() => vote("APPROVE")}>
              Vote approve
            </Button>
            <Button variant="danger" disabled={meetingVote.isPending || !comment.trim()} onClick={() => vote("REJECT")}>
              Vote reject
            </Button>
          </div>
        </div>
      )}
    </Card>
  );
}
