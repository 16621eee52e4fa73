"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { LabelledSelect } from "@/components/ui/labelled-select";
import { MultiCombobox } from "@/components/ui/multi-combobox";
import { formErrorsOf } from "@/lib/api/client";
import { stateAfterEdit, SUBMITTABLE_STATES } from "@/lib/changes/lifecycle";
import { usePickableFlows, useSaveChange, type TPickableFlows } from "@/lib/changes/queries";
import { CHANGE_TEXT_LIMITS, type TFlowOperationInput } from "@/lib/changes/schemas";
import { CountedInput, CountedTextarea } from "@/components/ui/counted-field";
import type { ChangeState } from "@/lib/db/generated/enums";
import { describeFlow } from "./describe-flow";
import { EMPTY_FLOW, FlowFields, type TFlowDraft } from "./flow-fields";
import { FlowPickerCanvas } from "./flow-picker-canvas";

type TSurfaceChoice = { id: string; name: string; classification: string; criticality: string };
type TPickableEdge = TPickableFlows["maps"][number]["edges"][number];
export type TOperationDraft = TFlowOperationInput & { label: string };

const nodeOption = (node: { id: string; label: string; kind: string }) => ({
  value: node.id,
  label: `${node.label} (${node.kind.toLowerCase()})`,
});
const toIso = (local: string) => (local ? new Date(local).toISOString() : null);

/** What an edit starts from: the change as stored, its version for the optimistic check. */
export type TChangeFormInitial = {
  id: string;
  version: number;
  state: ChangeState;
  form: {
    title: string;
    description: string;
    environment: string;
    implementationPlan: string;
    verificationPlan: string;
    rollbackPlan: string;
    windowStart: string;
    windowEnd: string;
    emergency: boolean;
    emergencyReason: string;
  };
  surfaceIds: string[];
  operations: TOperationDraft[];
};

const EMPTY_FORM: TChangeFormInitial["form"] = {
  title: "",
  description: "",
  environment: "production",
  implementationPlan: "",
  verificationPlan: "",
  rollbackPlan: "",
  windowStart: "",
  windowEnd: "",
  emergency: false,
  emergencyReason: "",
};

export function ChangeForm({ surfaces, initial }: { surfaces: TSurfaceChoice[]; initial?: TChangeFormInitial }) {
  const router = useRouter();
  const [form, setForm] = useState(initial?.form ?? EMPTY_FORM);
  const [surfaceIds, setSurfaceIds] = useState<string[]>(initial?.surfaceIds ?? []);
  const [operations, setOperations] = useState<TOperationDraft[]>(initial?.operations ?? []);
  const [newFlow, setNewFlow] = useState<{ surfaceId: string; sourceNodeId: string; targetNodeId: string; flow: TFlowDraft }>({
    surfaceId: "",
    sourceNodeId: "",
    targetNodeId: "",
    flow: EMPTY_FLOW,
  });
  const [narrowing, setNarrowing] = useState<{ edgeId: string; surfaceId: string; label: string; flow: TFlowDraft } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const flows = usePickableFlows(surfaceIds);
  const saveChange = useSaveChange();
  // An edit of a pre-approved change sends it back to draft, so it is submitted again.
  const submittable = !initial || SUBMITTABLE_STATES.includes(stateAfterEdit(initial.state, null));
  const save = (submit: boolean) => {
    const body = {
      title: form.title,
      description: form.description,
      environment: form.environment,
      implementationPlan: form.implementationPlan,
      verificationPlan: form.verificationPlan,
      rollbackPlan: form.rollbackPlan,
      windowStart: toIso(form.windowStart),
      windowEnd: toIso(form.windowEnd),
      emergencyReason: form.emergency ? form.emergencyReason : null,
      surfaceIds,
      operations: operations.map(({ label: _label, ...operation }) => operation),
      ticketLinks: [],
    };
    saveChange.mutate(
      { body, editing: initial && { id: initial.id, version: initial.version }, submit: submit && submittable },
      { onSuccess: (saved) => router.push(`/changes/${saved.id}`), onError: (error) => setErrors(formErrorsOf(error, "path")) },
    );
  };
  const set = (key: keyof typeof form, value: string | boolean) => setForm((current) => ({ ...current, [key]: value }));
  const surfaceOptions = surfaces.map((surface) => ({
    value: surface.id,
    label: surface.name,
    description: surface.classification.toLowerCase(),
  }));
  // A surface taken off the change takes its flow operations with it.
  const chooseSurfaces = (ids: string[]) => {
    setSurfaceIds(ids);
    setOperations((current) => current.filter((operation) => ids.includes(operation.surfaceId)));
  };
  const mapOf = (surfaceId: string) => flows.data?.maps.find((map) => map.surfaceId === surfaceId);
  const nodesOf = mapOf(newFlow.surfaceId)?.nodes ?? [];
  const addNewFlow = () => {
    const source = nodesOf.find((node) => node.id === newFlow.sourceNodeId);
    const target = nodesOf.find((node) => node.id === newFlow.targetNodeId);
    if (!source || !target) return;
    setOperations((current) => [
      ...current,
      {
        kind: "ADD",
        surfaceId: newFlow.surfaceId,
        sourceNodeId: source.id,
        targetNodeId: target.id,
        flow: newFlow.flow,
        label: `Add ${describeFlow({ sourceLabel: source.label, targetLabel: target.label, ...newFlow.flow })}`,
      },
    ]);
    setNewFlow({ ...newFlow, sourceNodeId: "", targetNodeId: "", flow: EMPTY_FLOW });
  };
  const touched = new Set(operations.flatMap((operation) => ("edgeId" in operation ? [operation.edgeId] : [])));
  // The same two buttons for a flow picked on the map and one in the list.
  const flowActions = (surfaceId: string, edge: TPickableEdge) => (
    <span className="flex gap-2">
      <Button
        size="sm"
        variant="secondary"
        disabled={touched.has(edge.id)}
        aria-label={`Modify flow ${describeFlow(edge)}`}
        onClick={() =>
          setNarrowing({
            edgeId: edge.id,
            surfaceId,
            label: describeFlow(edge),
            flow: {
              protocol: edge.protocol as TFlowDraft["protocol"],
              ports: edge.ports,
              appProtocol: edge.appProtocol,
              httpMethod: edge.httpMethod ?? "",
              httpPath: edge.httpPath ?? "",
              encryption: edge.encryption as TFlowDraft["encryption"],
              authentication: edge.authentication as TFlowDraft["authentication"],
              justification: edge.justification || "narrowed",
            },
          })
        }
      >
        Modify
      </Button>
      <Button
        size="sm"
        variant="secondary"
        disabled={touched.has(edge.id)}
        aria-label={`Remove flow ${describeFlow(edge)}`}
        onClick={() =>
          setOperations((current) => [...current, { kind: "REMOVE", surfaceId, edgeId: edge.id, label: `Remove ${describeFlow(edge)}` }])
        }
      >
        Remove
      </Button>
    </span>
  );
  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        save(true);
      }}
    >
      <Card className="grid gap-3">
        <Field label="Title" error={errors.title}>
          {(props) => (
            <CountedInput
              {...props}
              max={CHANGE_TEXT_LIMITS.title}
              value={form.title}
              onChange={(event) => set("title", event.target.value)}
            />
          )}
        </Field>
        <Field label="Description">
          {(props) => (
            <CountedTextarea
              {...props}
              max={CHANGE_TEXT_LIMITS.description}
              value={form.description}
              onChange={(event) => set("description", event.target.value)}
            />
          )}
        </Field>
        <MultiCombobox
          label="Protect surfaces"
          noun="protect surface"
          placeholder="Search protect surfaces by name or classification…"
          options={surfaceOptions}
          value={surfaceIds}
          onChange={chooseSurfaces}
          error={errors.surfaceIds}
        />
      </Card>

      {surfaceIds.length > 0 && (
        <Card className="grid gap-4">
          <h2 className="font-semibold">Flow operations</h2>
          {flows.isPending && (
            <p className="text-sm text-muted" role="status">
              Loading the surfaces&apos; maps…
            </p>
          )}
          {flows.isError && (
            <p className="text-sm text-danger" role="alert">
              {flows.error.message}
            </p>
          )}
          {surfaceIds.map((surfaceId) => {
            const map = mapOf(surfaceId);
            const name = surfaces.find((surface) => surface.id === surfaceId)?.name;
            if (!flows.data) return null;
            return (
              <div key={surfaceId} className="grid gap-2">
                <h3 className="text-sm font-medium">Flows on {name}</h3>
                {!map || map.edges.length === 0 ? (
                  <p className="text-sm text-muted">No flows on this map yet; add one below.</p>
                ) : (
                  <>
                    <FlowPickerCanvas
                      surfaceId={surfaceId}
                      surfaceName={name ?? ""}
                      actions={(edgeId) => {
                        const edge = map.edges.find((candidate) => candidate.id === edgeId);
                        return edge ? flowActions(surfaceId, edge) : null;
                      }}
                    />
                    <ul className="grid gap-1" aria-label={`Flows on ${name}`}>
                      {map.edges.map((edge) => (
                        <li
                          key={edge.id}
                          className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-border px-3 py-1.5 text-sm"
                        >
                          <span>
                            {describeFlow(edge)} <span className="text-xs text-muted">({edge.status.toLowerCase()})</span>
                          </span>
                          {flowActions(surfaceId, edge)}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </div>
            );
          })}
          {narrowing && (
            <div role="group" aria-label="Modify a flow" className="grid gap-2 rounded-md border border-accent/40 p-3">
              <p className="text-sm font-medium">Modify {narrowing.label}</p>
              <FlowFields value={narrowing.flow} onChange={(flow) => setNarrowing({ ...narrowing, flow })} />
              <div className="flex gap-2">
                <Button
                  size="sm"
                  onClick={() => {
                    setOperations((current) => [
                      ...current,
                      {
                        kind: "MODIFY",
                        surfaceId: narrowing.surfaceId,
                        edgeId: narrowing.edgeId,
                        flow: narrowing.flow,
                        label: `Modify ${narrowing.label} → ${narrowing.flow.protocol}/${narrowing.flow.ports} ${narrowing.flow.encryption}`,
                      },
                    ]);
                    setNarrowing(null);
                  }}
                >
                  Add modification
                </Button>
                <Button size="sm" variant="ghost" onClick={() => setNarrowing(null)}>
                  Cancel
                </Button>
              </div>
            </div>
          )}
          <div className="grid gap-3 rounded-md border border-border p-3">
            <p className="text-sm font-medium">Add a new flow</p>
            <div className="grid gap-3 sm:grid-cols-3">
              <LabelledSelect
                label="Surface of the new flow"
                placeholder="Choose…"
                value={newFlow.surfaceId}
                onChange={(event) => setNewFlow({ ...newFlow, surfaceId: event.target.value, sourceNodeId: "", targetNodeId: "" })}
                options={surfaceIds.map((id) => ({ value: id, label: surfaces.find((surface) => surface.id === id)?.name ?? "" }))}
              />
              <LabelledSelect
                label="Source"
                placeholder="Choose…"
                value={newFlow.sourceNodeId}
                onChange={(event) => setNewFlow({ ...newFlow, sourceNodeId: event.target.value })}
                options={nodesOf.map(nodeOption)}
              />
              <LabelledSelect
                label="Target"
                placeholder="Choose…"
                value={newFlow.targetNodeId}
                onChange={(event) => setNewFlow({ ...newFlow, targetNodeId: event.target.value })}
                options={nodesOf.filter((node) => node.id !== newFlow.sourceNodeId).map(nodeOption)}
              />
            </div>
            <FlowFields value={newFlow.flow} onChange={(flow) => setNewFlow({ ...newFlow, flow })} />
            <div>
              <Button
                size="sm"
                variant="secondary"
                disabled={!newFlow.sourceNodeId || !newFlow.targetNodeId || !newFlow.flow.justification.trim()}
                onClick={addNewFlow}
              >
                Add flow
              </Button>
            </div>
          </div>
          {operations.length > 0 && (
            <ol className="grid gap-1" aria-label="Operations in this change">
              {operations.map((operation, index) => (
                <li
                  key={`${operation.kind}-${index}`}
                  className="flex items-center justify-between gap-2 rounded-md bg-surface-2 px-3 py-1.5 text-sm"
                >
                  <span>{operation.label}</span>
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={`Drop operation ${index + 1}`}
                    onClick={() => setOperations((current) => current.filter((_, position) => position !== index))}
                  >
                    Drop
                  </Button>
                </li>
              ))}
            </ol>
          )}
          {Object.entries(errors)
            .filter(([key]) => key.startsWith("operations"))
            .map(([key, message]) => (
              <p key={key} role="alert" className="text-xs text-danger">
                {message}
              </p>
            ))}
        </Card>
      )}

      <Card className="grid gap-3 sm:grid-cols-2">
        <Field label="Implementation plan" className="sm:col-span-2">
          {(props) => (
            <CountedTextarea
              {...props}
              max={CHANGE_TEXT_LIMITS.plan}
              value={form.implementationPlan}
              onChange={(event) => set("implementationPlan", event.target.value)}
            />
          )}
        </Field>
        <Field label="Verification plan">
          {(props) => (
            <CountedTextarea
              {...props}
              max={CHANGE_TEXT_LIMITS.plan}
              value={form.verificationPlan}
              onChange={(event) => set("verificationPlan", event.target.value)}
            />
          )}
        </Field>
        <Field label="Rollback plan" hint="Without one, the agreed rules send the change to the CAB.">
          {(props) => (
            <CountedTextarea
              {...props}
              max={CHANGE_TEXT_LIMITS.plan}
              value={form.rollbackPlan}
              onChange={(event) => set("rollbackPlan", event.target.value)}
            />
          )}
        </Field>
        <Field label="Window start" error={errors.windowStart}>
          {(props) => (
            <Input {...props} type="datetime-local" value={form.windowStart} onChange={(event) => set("windowStart", event.target.value)} />
          )}
        </Field>
        <Field label="Window end" error={errors.windowEnd}>
          {(props) => (
            <Input {...props} type="datetime-local" value={form.windowEnd} onChange={(event) => set("windowEnd", event.target.value)} />
          )}
        </Field>
        <Field label="Environment">
          {(props) => (
            <Select {...props} value={form.environment} onChange={(event) => set("environment", event.target.value)}>
              <option value="production">Production</option>
              <option value="staging">Staging</option>
              <option value="development">Development</option>
            </Select>
          )}
        </Field>
        <div className="flex flex-col gap-2">
          <label className="flex items-center gap-2 text-sm font-medium">
            <input type="checkbox" checked={form.emergency} onChange={(event) => set("emergency", event.target.checked)} /> Declare an
            emergency
          </label>
          {form.emergency && (
            <Field label="Emergency reason" error={errors.emergencyReason}>
              {(props) => (
                <CountedInput
                  {...props}
                  max={CHANGE_TEXT_LIMITS.emergencyReason}
                  value={form.emergencyReason}
                  onChange={(event) => set("emergencyReason", event.target.value)}
                />
              )}
            </Field>
          )}
        </div>
      </Card>
      {errors.form && (
        <p role="alert" className="text-sm text-danger">
          {errors.form}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" disabled={saveChange.isPending}>
          {submittable ? "Save and submit" : "Save changes"}
        </Button>
        <Button variant="secondary" disabled={saveChange.isPending} onClick={() => save(false)}>
          {initial ? "Save without submitting" : "Save draft"}
        </Button>
      </div>
    </form>
  );
}
