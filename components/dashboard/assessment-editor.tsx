"use client";

import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { CountedTextarea } from "@/components/ui/counted-field";
import { LabelledSelect } from "@/components/ui/labelled-select";
import { Table, Td, Th } from "@/components/ui/table";
import { STAGES, stageLabel, type TStage } from "@/lib/maturity/catalog";
import { useAssessment, useUpdateScore } from "@/lib/maturity/queries";
import type { TAssessmentDetail, TMaturityScore } from "@/lib/maturity/schemas";
import { indicatorHref } from "@/lib/overview/links";
import { ScoreStatusBadge } from "./score-status-badge";

type TRole = "netops" | "secops" | null;

function StageCell({
  score,
  team,
  editable,
  onChange,
  pending,
}: {
  score: TMaturityScore;
  team: "netops" | "secops";
  editable: boolean;
  pending: boolean;
  onChange: (stage: TStage | null) => void;
}) {
  const value = team === "netops" ? score.netopsStage : score.secopsStage;
  const teamLabel = team === "netops" ? "NetOps" : "SecOps";
  if (!editable) return <span className={team === "netops" ? "text-netops" : "text-secops"}>{stageLabel(value)}</span>;
  return (
    <Select
      aria-label={`${teamLabel} stage for ${score.label}`}
      value={value ?? ""}
      disabled={pending}
      onChange={(event) => onChange((event.target.value || null) as TStage | null)}
      className="h-8 w-32"
    >
      <option value="">Not scored</option>
      {STAGES.map((stage) => (
        <option key={stage} value={stage}>
          {stageLabel(stage)}
        </option>
      ))}
    </Select>
  );
}

function TargetDialog({
  score,
  onSave,
  pending,
}: {
  score: TMaturityScore;
  pending: boolean;
  onSave: (input: { targetStage: TStage | null; targetDate: string | null; evidence: string; links: string[] }) => Promise<void>;
}) {
  const [open, setOpen] = useState(false);
  const [targetStage, setTargetStage] = useState<string>(score.targetStage ?? "");
  const [targetDate, setTargetDate] = useState(score.targetDate ?? "");
  const [evidence, setEvidence] = useState(score.evidence);
  const [links, setLinks] = useState(score.links.join("\n"));
  return (
    <>
      <Button variant="ghost" size="sm" aria-label={`Edit target and evidence for ${score.label}`} onClick={() => setOpen(true)}>
        Edit
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title={score.label}
        description={`${score.pillarLabel} — target, evidence and links both assessors share.`}
      >
        <form
          className="space-y-3"
          onSubmit={async (event) => {
            event.preventDefault();
            await onSave({
              targetStage: (targetStage || null) as TStage | null,
              targetDate: targetDate || null,
              evidence,
              links: links
                .split(/\s+/)
                .map((link) => link.trim())
                .filter(Boolean),
            });
            setOpen(false);
          }}
        >
          <div className="grid grid-cols-2 gap-3">
            <LabelledSelect
              label="Target stage"
              placeholder="No target"
              value={targetStage}
              onChange={(event) => setTargetStage(event.target.value)}
              options={STAGES.map((stage) => ({ value: stage, label: stageLabel(stage) }))}
            />
            <Field label="Target date">
              {(props) => <Input {...props} type="date" value={targetDate} onChange={(event) => setTargetDate(event.target.value)} />}
            </Field>
          </div>
          <Field label="Evidence">
            {(props) => <CountedTextarea {...props} value={evidence} max={5000} onChange={(event) => setEvidence(event.target.value)} />}
          </Field>
          <Field label="Links" hint="One http(s) URL per line">
            {(props) => <Textarea {...props} value={links} onChange={(event) => setLinks(event.target.value)} />}
          </Field>
          <DialogFooter onCancel={() => setOpen(false)} submitLabel="Save" pending={pending} />
        </form>
      </Dialog>
    </>
  );
}

/** One assessment, grouped by pillar; each assessor scores their own team's column. */
export function AssessmentEditor({ initial, role }: { initial: TAssessmentDetail; role: TRole }) {
  const { data } = useAssessment(initial.id, initial);
  const update = useUpdateScore(initial.id);
  const save = async (score: TMaturityScore, input: Parameters<typeof update.mutateAsync>[0]["input"]) => {
    try {
      await update.mutateAsync({ functionKey: score.functionKey, input });
      toast.success(`${score.label} saved`);
    } catch (error) {
      toast.error(error instanceof Error ? error.message : "Saving failed.");
    }
  };
  const pillars = [...new Set(data.scores.map((score) => score.pillarLabel))];
  return (
    <div className="space-y-6">
      {pillars.map((pillar) => (
        <section key={pillar} aria-labelledby={`pillar-${pillar}`}>
          <h2 id={`pillar-${pillar}`} className="mb-2 font-semibold">
            {pillar}
          </h2>
          <Table>
            <thead>
              <tr>
                <Th>Function</Th>
                <Th>NetOps</Th>
                <Th>SecOps</Th>
                <Th>Status</Th>
                <Th>Previous</Th>
                <Th>Target</Th>
                <Th>Evidence</Th>
                {role && (
                  <Th>
                    <span className="sr-only">Actions</span>
                  </Th>
                )}
              </tr>
            </thead>
            <tbody>
              {data.scores
                .filter((score) => score.pillarLabel === pillar)
                .map((score) => (
                  <tr
                    key={score.functionKey}
                    id={`fn-${score.functionKey}`}
                    data-testid={`score-${score.functionKey}`}
                    className="target:bg-surface-2"
                  >
                    <Td className="font-medium">
                      {score.label}
                      {score.kind === "capability" && (
                        <span className="block text-xs font-normal text-muted">Cross-cutting capability</span>
                      )}
                    </Td>
                    <Td>
                      <StageCell
                        score={score}
                        team="netops"
                        editable={role === "netops"}
                        pending={update.isPending}
                        onChange={(stage) => save(score, { stage })}
                      />
                    </Td>
                    <Td>
                      <StageCell
                        score={score}
                        team="secops"
                        editable={role === "secops"}
                        pending={update.isPending}
                        onChange={(stage) => save(score, { stage })}
                      />
                    </Td>
                    <Td>
                      <ScoreStatusBadge status={score.status} />
                    </Td>
                    <Td className="text-muted">
                      {stageLabel(score.previousStage)}
                      {score.delta !== null && score.delta !== 0 && (
                        <span className={score.delta > 0 ? "ml-1 text-success" : "ml-1 text-danger"}>
                          <span aria-hidden="true">{score.delta > 0 ? "▲" : "▼"}</span>
                          <span className="sr-only">
                            {score.delta > 0 ? "up" : "down"} {Math.abs(score.delta)} since then
                          </span>
                          {Math.abs(score.delta) > 1 && <span aria-hidden="true">{Math.abs(score.delta)}</span>}
                        </span>
                      )}
                    </Td>
                    <Td>
                      {score.targetStage ? (
                        <span className={score.overdue ? "text-danger" : undefined}>
                          {stageLabel(score.targetStage)}
                          {score.targetDate && (
                            <span className="block text-xs">
                              {score.overdue ? "overdue since " : "by "}
                              {score.targetDate}
                            </span>
                          )}
                        </span>
                      ) : (
                        <span className="text-muted">—</span>
                      )}
                    </Td>
                    <Td className="max-w-sm">
                      {score.evidence && <p className="text-sm">{score.evidence}</p>}
                      {score.links.map((link) => (
                        <a
                          key={link}
                          href={link}
                          className="block min-h-6 truncate text-xs leading-6 text-accent underline underline-offset-2"
                          rel="noreferrer"
                          target="_blank"
                        >
                          {link}
                        </a>
                      ))}
                      {score.indicators.map((indicator) => (
                        <a
                          key={indicator.key}
                          href={indicatorHref(indicator.key)}
                          title={indicator.formula}
                          className="block min-h-6 text-xs leading-6 text-muted hover:underline"
                        >
                          {indicator.name}:{" "}
                          <span
                            className={
                              indicator.meetsTarget === false ? "text-warning" : indicator.meetsTarget ? "text-success" : "text-fg"
                            }
                          >
                            {indicator.display}
                          </span>
                        </a>
                      ))}
                      {!score.evidence && score.links.length === 0 && score.indicators.length === 0 && (
                        <span className="text-muted">—</span>
                      )}
                    </Td>
                    {role && (
                      <Td>
                        <TargetDialog score={score} pending={update.isPending} onSave={(input) => save(score, input)} />
                      </Td>
                    )}
                  </tr>
                ))}
            </tbody>
          </Table>
        </section>
      ))}
    </div>
  );
}
