"use client";

import Link from "next/link";
import { labelCodesIn, labelOf } from "@/lib/ui/labels";
import { DIFF_MARKS, markOfOperation } from "@/lib/ui/diff-marks";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Field, Input, Textarea } from "@/components/ui/field";
import { Table, Td, Th } from "@/components/ui/table";
import { OUTCOME_LABELS, type TRuleOutcome } from "@/lib/change-policy/classifier";
import { FACTS, type TFactName } from "@/lib/change-policy/conditions";
import { EDITABLE_STATES, STATE_LABELS, SUBMITTABLE_STATES } from "@/lib/changes/lifecycle";
import { useChange, useSubmitChange, useTransitionChange, useVoteOnChange, type TChangeDetail } from "@/lib/changes/queries";
import { TeamBadge } from "@/components/shell/team-badge";
import { TEAM_LABELS } from "@/lib/ui/labels";
import { RiskBadge, StateBadge, TrackBadge } from "./badges";
import { describeFlow } from "./describe-flow";
import { FlowDiffCanvas } from "./flow-diff-canvas";
import { ChangePolicyPreview } from "@/components/enforcement/change-policy-preview";

type TViewer = { id: string; canWrite: boolean; canApprove: boolean };

const factValue = (value: unknown) => (value === true ? "yes" : value === false ? "no" : value === null ? "—" : String(value));

export function ChangeDetail({ id, viewer }: { id: string; viewer: TViewer }) {
  const query = useChange(id);
  if (query.isPending)
    return (
      <p className="text-sm text-muted" role="status">
        Loading the change…
      </p>
    );
  if (query.isError)
    return (
      <EmptyState
        title="The change could not be loaded"
        description={query.error.message}
        action={
          <Button asChild variant="secondary">
            <Link href="/changes">Back to changes</Link>
          </Button>
        }
      />
    );
  const { change, conflicts } = query.data;
  const classification = change.classification;
  return (
    <>
      <PageHeader
        title={`#${change.number} ${change.title}`}
        description={change.description || undefined}
        actions={
          <>
            {viewer.canWrite && viewer.id === change.requester.id && EDITABLE_STATES.includes(change.state) && (
              <Button asChild variant="secondary">
                <Link href={`/changes/${change.id}/edit`}>Edit</Link>
              </Button>
            )}
            <Button asChild variant="secondary">
              <Link href="/changes">All changes</Link>
            </Button>
          </>
        }
      />
      <div className="mb-4 flex flex-wrap items-center gap-2" aria-label="Status">
        <StateBadge state={change.state} />
        <TrackBadge track={change.track} />
        {change.track && <RiskBadge score={change.riskScore} />}
        {change.template && <Badge tone="success">Template: {change.template.name}</Badge>}
        <span className="text-sm text-muted">
          Requested by {change.requester.name} ·{" "}
          {change.surfaces.map((surface) => `${surface.name} (${labelOf(surface.classification).toLowerCase()})`).join(", ")}
        </span>
      </div>
      {conflicts.length > 0 && (
        <Card className="mb-4 border-warning/50" role="alert">
          <p className="text-sm font-medium text-warning">Window conflict</p>
          <ul className="mt-1 text-sm">
            {conflicts.map((conflict) => (
              <li key={conflict.id}>
                <Link className="text-accent hover:underline" href={`/changes/${conflict.id}`}>
                  #{conflict.number} {conflict.title}
                </Link>{" "}
                is scheduled on the same surface in an overlapping window.
              </li>
            ))}
          </ul>
        </Card>
      )}
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="grid content-start gap-4 lg:col-span-2">
          <Card>
            <h2 className="mb-2 font-semibold">Flow operations</h2>
            {change.operations.length === 0 ? (
              <p className="text-sm text-muted">This change touches no flows.</p>
            ) : (
              <Table aria-label="Flow operations">
                <thead>
                  <tr>
                    <Th>Operation</Th>
                    <Th>Before</Th>
                    <Th>After</Th>
                  </tr>
                </thead>
                <tbody>
                  {change.operations.map((operation) => (
                    <tr key={operation.id}>
                      <Td>
                        <Badge tone={DIFF_MARKS[markOfOperation(operation.kind)].tone}>
                          {DIFF_MARKS[markOfOperation(operation.kind)].label}
                        </Badge>
                      </Td>
                      <Td className={operation.before ? "text-muted line-through decoration-removed/60" : "text-muted"}>
                        {operation.before ? describeFlow(operation.before) : "—"}
                      </Td>
                      <Td>{operation.after ? describeFlow(operation.after) : "—"}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
            {change.operations.length > 0 && (
              <div className="mt-4">
                <FlowDiffCanvas change={change} />
              </div>
            )}
          </Card>
          {change.operations.length > 0 && <ChangePolicyPreview changeId={change.id} />}
          <Card>
            <h2 className="mb-2 font-semibold">Why this track</h2>
            {!classification ? (
              <p className="text-sm text-muted">Classified when submitted.</p>
            ) : (
              <div className="grid gap-3 text-sm">
                {classification.notes.map((note) => (
                  <p key={note} className="text-muted">
                    {note}
                  </p>
                ))}
                <ol className="grid gap-2" aria-label="Matched rules">
                  {classification.matched.length === 0 && <li className="text-muted">No rule matched.</li>}
                  {classification.matched.map((hit) => (
                    <li key={hit.ruleId} className="rounded-md border border-border p-2">
                      <div className="flex flex-wrap items-center gap-2">
                        <span className="font-medium">{hit.name}</span>
                        <Badge tone={hit.decidedTrack ? "accent" : "neutral"}>
                          {OUTCOME_LABELS[hit.outcome as TRuleOutcome]}
                          {hit.decidedTrack ? " — decided the track" : ""}
                        </Badge>
                        {hit.riskPoints > 0 && <Badge tone="warning">+{hit.riskPoints} risk</Badge>}
                        {hit.extraApprovers > 0 && <Badge tone="warning">+{hit.extraApprovers} approver</Badge>}
                      </div>
                      <p className="mt-1 text-xs text-muted">
                        Facts used:{" "}
                        {Object.entries(hit.factsUsed)
                          .map(([fact, value]) => `${FACTS[fact as TFactName].label}: ${factValue(value)}`)
                          .join(" · ")}
                      </p>
                    </li>
                  ))}
                </ol>
                <p className="text-xs text-muted">
                  Base risk: {classification.baseRisk.map((part) => `${labelCodesIn(part.reason)} +${part.points}`).join(", ") || "none"}.
                </p>
              </div>
            )}
          </Card>
          <Card className="grid gap-2 text-sm">
            <h2 className="font-semibold">Plans and window</h2>
            <p>
              <span className="font-medium">Implementation:</span> {change.implementationPlan || "—"}
            </p>
            <p>
              <span className="font-medium">Verification:</span> {change.verificationPlan || "—"}
            </p>
            <p>
              <span className="font-medium">Rollback:</span> {change.rollbackPlan || "—"}
            </p>
            <p>
              <span className="font-medium">Window:</span>{" "}
              {change.windowStart
                ? `${new Date(change.windowStart).toLocaleString()} – ${new Date(change.windowEnd ?? change.windowStart).toLocaleString()}`
                : "not set"}
            </p>
            {change.emergencyReason && (
              <p>
                <span className="font-medium">Emergency:</span> {change.emergencyReason}
              </p>
            )}
          </Card>
        </div>
        <div className="grid content-start gap-4">
          <ChangeActions change={change} viewer={viewer} />
          <Card>
            <h2 className="mb-2 font-semibold">Approvals</h2>
            {change.track && change.track !== "PRE_APPROVED" && (
              <p className="mb-2 text-xs text-muted">
                {change.approvalStatus.approvers} of {change.approvalStatus.required} approvals
                {change.approvalStatus.teamsMissing.length
                  ? `; still needs ${change.approvalStatus.teamsMissing.map((team) => TEAM_LABELS[team]).join(" and ")}`
                  : ""}
                .
              </p>
            )}
            {change.approvals.length === 0 ? (
              <p className="text-sm text-muted">No votes yet.</p>
            ) : (
              <ul className="grid gap-2 text-sm" aria-label="Votes">
                {change.approvals.map((approval) => (
                  <li key={approval.id}>
                    {/* A void vote is struck through rather than faded: faded text fails the contrast minimum. */}
                    <span className={approval.live ? "font-medium" : "font-medium line-through"}>{approval.userName}</span>{" "}
                    <TeamBadge team={approval.team} />{" "}
                    <Badge tone={approval.decision === "APPROVE" ? "success" : "danger"}>
                      {approval.decision === "APPROVE" ? "Approved" : "Rejected"}
                    </Badge>
                    {!approval.live && <span className="text-xs text-muted"> (void: the change was edited)</span>}
                    {approval.comment && <p className="text-xs text-muted">{approval.comment}</p>}
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card>
            <h2 className="mb-2 font-semibold">History</h2>
            <ol className="grid gap-1 text-sm" aria-label="Transitions">
              <li className="text-muted">Created {new Date(change.createdAt).toLocaleString()}</li>
              {change.transitions.map((transition, index) => (
                <li key={`${transition.to}-${index}`}>
                  {STATE_LABELS[transition.to]}{" "}
                  <span className="text-xs text-muted">
                    by {transition.actorName}, {new Date(transition.createdAt).toLocaleString()}
                    {transition.reason ? ` — ${transition.reason}` : ""}
                  </span>
                </li>
              ))}
            </ol>
          </Card>
        </div>
      </div>
    </>
  );
}

function ChangeActions({ change, viewer }: { change: TChangeDetail["change"]; viewer: TViewer }) {
  const [comment, setComment] = useState("");
  const [slot, setSlot] = useState({ start: "", end: "" });
  const transition = useTransitionChange(change.id);
  const submit = useSubmitChange(change.id);
  const vote = useVoteOnChange(change.id);
  const isRequester = viewer.id === change.requester.id;
  const voted = change.approvals.some((approval) => approval.live && approval.userId === viewer.id);
  const busy = transition.isPending || submit.isPending || vote.isPending;
  const actions: Array<{ label: string; run: () => void; variant?: "primary" | "secondary" | "danger" }> = [];
  if (viewer.canWrite && isRequester && SUBMITTABLE_STATES.includes(change.state))
    actions.push({ label: "Submit for classification", run: () => submit.mutate(undefined) });
  if (viewer.canWrite && change.state === "SCHEDULED")
    actions.push({ label: "Mark implemented", run: () => transition.mutate({ action: "implement" }) });
  const implementerId = change.transitions.findLast((move) => move.to === "IMPLEMENTED")?.actorId;
  const implementedBySelf = change.state === "IMPLEMENTED" && implementerId === viewer.id;
  if (viewer.canWrite && change.state === "IMPLEMENTED") {
    if (!implementedBySelf)
      actions.push({ label: "Verify and apply to the map", run: () => transition.mutate({ action: "verify", reason: comment }) });
    actions.push({ label: "Roll back", variant: "danger", run: () => transition.mutate({ action: "rollback", reason: comment }) });
  }
  if (viewer.canWrite && ["VERIFIED", "ROLLED_BACK", "REJECTED"].includes(change.state))
    actions.push({ label: "Close", variant: "secondary", run: () => transition.mutate({ action: "close" }) });
  const canSchedule = viewer.canWrite && (change.state === "APPROVED" || change.state === "PRE_APPROVED");
  const canVote = viewer.canApprove && !isRequester && !voted && (change.state === "CAB_REVIEW" || change.state === "EMERGENCY");
  if (actions.length === 0 && !canSchedule && !canVote) {
    return (
      <Card>
        <h2 className="mb-1 font-semibold">Next step</h2>
        <p className="text-sm text-muted">
          {change.state === "CAB_REVIEW" || change.state === "EMERGENCY"
            ? isRequester
              ? "Waiting for CAB votes; you cannot vote on your own change."
              : voted
                ? "You have voted on this version."
                : "Waiting for CAB members' votes."
            : `Nothing for you to do while the change is ${STATE_LABELS[change.state].toLowerCase()}.`}
        </p>
      </Card>
    );
  }
  return (
    <Card className="grid gap-3">
      <h2 className="font-semibold">Actions</h2>
      {(canVote || change.state === "IMPLEMENTED") && (
        <Field label="Comment">
          {(props) => <Textarea {...props} value={comment} onChange={(event) => setComment(event.target.value)} />}
        </Field>
      )}
      {canVote && (
        <div className="flex gap-2">
          <Button disabled={busy} onClick={() => vote.mutate({ decision: "APPROVE", comment })}>
            Approve
          </Button>
          <Button disabled={busy || !comment.trim()} variant="danger" onClick={() => vote.mutate({ decision: "REJECT", comment })}>
            Reject
          </Button>
          <Button
            disabled={busy || !comment.trim()}
            variant="secondary"
            onClick={() => transition.mutate({ action: "request-info", reason: comment })}
          >
            Ask for information
          </Button>
        </div>
      )}
      {canSchedule && (
        <div className="grid gap-2">
          <p className="text-sm text-muted" data-testid="approved-window">
            {change.windowStart && change.windowEnd
              ? `Approved for ${new Date(change.windowStart).toLocaleString()} – ${new Date(change.windowEnd).toLocaleString()}: schedule inside it, or leave the times empty to use it whole. Another window needs an edit, which voids the approvals.`
              : "Approved without a window: it is classified again with the window you pick, and refused if that changes its track."}
          </p>
          <Field label="Scheduled start">
            {(props) => (
              <Input
                {...props}
                type="datetime-local"
                value={slot.start}
                onChange={(event) => setSlot({ ...slot, start: event.target.value })}
              />
            )}
          </Field>
          <Field label="Scheduled end">
            {(props) => (
              <Input
                {...props}
                type="datetime-local"
                value={slot.end}
                onChange={(event) => setSlot({ ...slot, end: event.target.value })}
              />
            )}
          </Field>
          <Button
            disabled={busy || ((!slot.start || !slot.end) && !change.windowStart)}
            onClick={() =>
              transition.mutate({
                action: "schedule",
                ...(slot.start && slot.end
                  ? { windowStart: new Date(slot.start).toISOString(), windowEnd: new Date(slot.end).toISOString() }
                  : {}),
              })
            }
          >
            Schedule
          </Button>
        </div>
      )}
      {viewer.canWrite && implementedBySelf && <p className="text-sm text-muted">You implemented this change; someone else verifies it.</p>}
      <div className="flex flex-wrap gap-2">
        {actions.map((action) => (
          <Button key={action.label} variant={action.variant ?? "primary"} disabled={busy} onClick={action.run}>
            {action.label}
          </Button>
        ))}
      </div>
    </Card>
  );
}
