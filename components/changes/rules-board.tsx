"use client";

import { useState, type ReactNode } from "react";
import { formErrorsOf } from "@/lib/api/client";
import { Button } from "@/components/ui/button";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { Field, Input, Textarea } from "@/components/ui/field";
import { LabelledSelect } from "@/components/ui/labelled-select";
import { Table, Td, Th } from "@/components/ui/table";
import { OUTCOME_LABELS, RULE_OUTCOMES, type TRuleOutcome } from "@/lib/change-policy/classifier";
import { useApproveRule, useProposeRule, useRuleReplay, useRules } from "@/lib/change-policy/queries";
import type { TRule } from "@/lib/change-policy/rules-service";
import { ConditionBuilder, DEFAULT_COMPARISON, toCondition, type TBuilderState } from "./condition-builder";
import type { Team } from "@/lib/db/generated/enums";
import { otherTeam, TEAM_LABELS } from "@/lib/ui/labels";
import { RuleRetirementDialog } from "./rule-retirement-dialog";

type TViewer = { team: Team; canPropose: boolean; canApprove: boolean };

function RuleRow({ rule, action }: { rule: TRule; action?: ReactNode }) {
  return (
    <li className="rounded-md border border-border p-3 text-sm">
      <div className="flex flex-wrap items-center justify-between gap-2">
        {/* The name gets the room first; the action joins its line while 12rem are left, else sits below on the right. */}
        <div className="flex min-w-48 flex-1 basis-0 flex-wrap items-center gap-2">
          <span className="text-xs text-muted">#{rule.position}</span>
          <span className="font-medium">{rule.name}</span>
          {rule.retires && <Badge tone="danger">{rule.status === "PROPOSED" ? "Proposed retirement" : "Retirement"}</Badge>}
          <Badge tone={rule.outcome === "FORCE_CAB" ? "warning" : rule.outcome === "ALLOW_PRE_APPROVAL" ? "success" : "accent"}>
            {OUTCOME_LABELS[rule.outcome as TRuleOutcome]}
          </Badge>
          {rule.riskPoints > 0 && <Badge tone="warning">+{rule.riskPoints} risk</Badge>}
          {rule.extraApprovers > 0 && <Badge tone="warning">+{rule.extraApprovers} approver</Badge>}
          <span className="text-xs text-muted">rev {rule.revision}</span>
        </div>
        {action && <div className="ml-auto">{action}</div>}
      </div>
      <p className="mt-1">When {rule.conditionText}.</p>
      <p className="mt-1 text-xs text-muted">
        {rule.retires ? "Why retire it: " : ""}
        {rule.rationale} — proposed by {rule.author.name}; approved by{" "}
        {rule.approvals.map((approval) => `${approval.name} (${TEAM_LABELS[approval.team]})`).join(", ") || "nobody yet"}
      </p>
    </li>
  );
}

export function RulesBoard({ viewer }: { viewer: TViewer }) {
  const rules = useRules();
  const approve = useApproveRule();
  const [draft, setDraft] = useState({
    name: "",
    position: 50,
    outcome: "FORCE_CAB" as TRuleOutcome,
    riskPoints: 0,
    extraApprovers: 0,
    rationale: "",
  });
  const [builder, setBuilder] = useState<TBuilderState>({ join: "all", comparisons: [DEFAULT_COMPARISON] });
  const propose = useProposeRule();
  const [selected, setSelected] = useState<string[]>([]);
  const [lastN, setLastN] = useState(50);
  const replay = useRuleReplay();
  const [retiring, setRetiring] = useState<TRule | null>(null);
  if (rules.isPending)
    return (
      <p className="text-sm text-muted" role="status">
        Loading rules…
      </p>
    );
  if (rules.isError) return <EmptyState title="The rules could not be loaded" description={rules.error.message} />;
  const { active, proposed, retired } = rules.data;
  const retirementPending = new Set(proposed.filter((rule) => rule.retires).map((rule) => rule.ruleKey));
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card className="content-start">
        <h2 className="mb-1 font-semibold">Active rules, in order</h2>
        <p className="mb-3 text-xs text-muted">
          Every matching rule adds its risk and approvers; the first matching rule that sends to the CAB or allows pre-approval sets the
          track. No match: CAB.
        </p>
        {active.length === 0 ? (
          <p className="text-sm text-muted">No active rules: every change goes to the CAB.</p>
        ) : (
          <ol className="grid gap-2" aria-label="Active rules">
            {active.map((rule) => (
              <RuleRow
                key={rule.id}
                rule={rule}
                action={
                  retirementPending.has(rule.ruleKey) ? (
                    <span className="text-xs text-muted">Retirement proposed</span>
                  ) : viewer.canPropose ? (
                    <Button size="sm" variant="ghost" onClick={() => setRetiring(rule)} aria-label={`Propose retiring rule ${rule.name}`}>
                      Propose retirement
                    </Button>
                  ) : undefined
                }
              />
            ))}
          </ol>
        )}
        {retired.length > 0 && (
          <details className="mt-3 text-sm">
            <summary className="cursor-pointer text-muted">History: {retired.length} retired revisions</summary>
            <ol className="mt-2 grid gap-2">
              {retired.map((rule) => (
                <RuleRow key={rule.id} rule={rule} />
              ))}
            </ol>
          </details>
        )}
      </Card>
      <div className="grid content-start gap-4">
        <Card>
          <h2 className="mb-3 font-semibold">Proposals awaiting approval</h2>
          {proposed.length === 0 ? (
            <p className="text-sm text-muted">No open proposals.</p>
          ) : (
            <ol className="grid gap-2" aria-label="Proposed rules">
              {proposed.map((rule) => {
                const teamApproved = rule.approvals.some((approval) => approval.team === viewer.team);
                return (
                  <RuleRow
                    key={rule.id}
                    rule={rule}
                    action={
                      <div className="flex items-center gap-2">
                        <label className="flex items-center gap-1 text-xs">
                          <input
                            type="checkbox"
                            checked={selected.includes(rule.id)}
                            onChange={() =>
                              setSelected((current) =>
                                current.includes(rule.id) ? current.filter((id) => id !== rule.id) : [...current, rule.id],
                              )
                            }
                          />{" "}
                          Include in test
                        </label>
                        {viewer.canApprove && !teamApproved && (viewer.team === "NETOPS" || viewer.team === "SECOPS") && (
                          <Button
                            size="sm"
                            onClick={() => approve.mutate(rule.id)}
                            disabled={approve.isPending}
                            aria-label={`Approve rule ${rule.name}`}
                          >
                            Approve for {TEAM_LABELS[viewer.team]}
                          </Button>
                        )}
                        {teamApproved && <span className="text-xs text-muted">Waiting for {TEAM_LABELS[otherTeam(viewer.team)]}</span>}
                      </div>
                    }
                  />
                );
              })}
            </ol>
          )}
        </Card>
        <Card className="grid gap-3">
          <h2 className="font-semibold">Test the rule set</h2>
          <p className="text-xs text-muted">
            Replays recent changes against the active rules with the ticked proposals swapped in, and shows which would land on another
            track.
          </p>
          <div className="flex items-end gap-2">
            <Field label="Last N changes">
              {(props) => (
                <Input
                  {...props}
                  type="number"
                  min={1}
                  max={500}
                  value={lastN}
                  onChange={(event) => setLastN(Number(event.target.value))}
                />
              )}
            </Field>
            <Button onClick={() => replay.mutate({ proposedRuleIds: selected, lastN })} disabled={replay.isPending}>
              Replay
            </Button>
          </div>
          {replay.data && (
            <>
              <p className="text-sm" role="status">
                {replay.data.changedTrack} of {replay.data.replayed} changes would change track.
              </p>
              <Table aria-label="Replay results">
                <thead>
                  <tr>
                    <Th>Change</Th>
                    <Th>Now</Th>
                    <Th>With proposals</Th>
                    <Th>Decided by</Th>
                  </tr>
                </thead>
                <tbody>
                  {replay.data.rows
                    .filter((row) => row.changed)
                    .concat(replay.data.rows.filter((row) => !row.changed))
                    .slice(0, 30)
                    .map((row) => (
                      <tr key={row.id} className={row.changed ? "bg-warning/10" : ""}>
                        <Td>
                          #{row.number} {row.title}
                        </Td>
                        <Td>{row.currentTrack}</Td>
                        <Td className={row.changed ? "font-medium text-warning" : ""}>{row.proposedTrack}</Td>
                        <Td className="text-muted">{row.decidedBy ?? "default"}</Td>
                      </tr>
                    ))}
                </tbody>
              </Table>
            </>
          )}
        </Card>
        {viewer.canPropose && (
          <Card>
            <h2 className="mb-3 font-semibold">Propose a rule</h2>
            <form
              className="grid gap-3"
              onSubmit={(event) => {
                event.preventDefault();
                propose.mutate({ ...draft, condition: toCondition(builder) });
              }}
            >
              <Field label="Rule name" error={propose.error ? formErrorsOf(propose.error, "field", { name: "Rule name" }).name : undefined}>
                {(props) => <Input {...props} value={draft.name} onChange={(event) => setDraft({ ...draft, name: event.target.value })} />}
              </Field>
              <ConditionBuilder value={builder} onChange={setBuilder} />
              <div className="grid gap-3 sm:grid-cols-4">
                <LabelledSelect
                  label="Then"
                  value={draft.outcome}
                  onChange={(event) => setDraft({ ...draft, outcome: event.target.value as TRuleOutcome })}
                  options={RULE_OUTCOMES.map((outcome) => ({ value: outcome, label: OUTCOME_LABELS[outcome] }))}
                />
                <Field label="Risk points">
                  {(props) => (
                    <Input
                      {...props}
                      type="number"
                      min={0}
                      max={100}
                      value={draft.riskPoints}
                      onChange={(event) => setDraft({ ...draft, riskPoints: Number(event.target.value) })}
                    />
                  )}
                </Field>
                <Field label="Extra approvers">
                  {(props) => (
                    <Input
                      {...props}
                      type="number"
                      min={0}
                      max={5}
                      value={draft.extraApprovers}
                      onChange={(event) => setDraft({ ...draft, extraApprovers: Number(event.target.value) })}
                    />
                  )}
                </Field>
                <Field label="Order" hint="Lower runs first">
                  {(props) => (
                    <Input
                      {...props}
                      type="number"
                      min={0}
                      value={draft.position}
                      onChange={(event) => setDraft({ ...draft, position: Number(event.target.value) })}
                    />
                  )}
                </Field>
              </div>
              <Field label="Rationale">
                {(props) => (
                  <Textarea
                    {...props}
                    value={draft.rationale}
                    onChange={(event) => setDraft({ ...draft, rationale: event.target.value })}
                  />
                )}
              </Field>
              <div>
                <Button type="submit" disabled={propose.isPending}>
                  Propose rule
                </Button>
              </div>
            </form>
          </Card>
        )}
      </div>
      <RuleRetirementDialog rule={retiring} onClose={() => setRetiring(null)} />
    </div>
  );
}
