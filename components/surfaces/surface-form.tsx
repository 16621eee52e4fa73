"use client";

import { useState, type FormEvent } from "react";
import { ArrowDown, ArrowUp, Plus, Trash2 } from "lucide-react";
import type { Classification, Criticality, DaasType } from "@/lib/db/generated/enums.ts";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { CountedInput } from "@/components/ui/counted-field";
import { ApiRequestError, formErrorsOf } from "@/lib/api/client";

import type { TCreateSurface, TPerson, TSurface } from "@/lib/surfaces/schemas";
import { CLASSIFICATION_LABELS, CRITICALITY_LABELS, DAAS_LABELS } from "./labels";

type TElementDraft = { key: string; id?: string; type: DaasType; name: string; description: string; classification: Classification };

export type TSurfaceDraft = {
  name: string;
  purpose: string;
  criticality: Criticality;
  environment: string;
  businessOwner: string;
  classificationOverride: Classification | "";
  netopsOwnerId: string;
  secopsOwnerId: string;
  tags: string;
  notes: string;
  elements: TElementDraft[];
};

let elementKey = 0;
const nextKey = () => `element-${++elementKey}`;

export function draftOf(surface?: TSurface): TSurfaceDraft {
  return {
    name: surface?.name ?? "",
    purpose: surface?.purpose ?? "",
    criticality: surface?.criticality ?? "MEDIUM",
    environment: surface?.environment ?? "production",
    businessOwner: surface?.businessOwner ?? "",
    classificationOverride: surface?.classificationOverride ?? "",
    netopsOwnerId: surface?.netopsOwner?.id ?? "",
    secopsOwnerId: surface?.secopsOwner?.id ?? "",
    tags: surface?.tags.join(", ") ?? "",
    notes: surface?.notes ?? "",
    elements: (surface?.elements ?? []).map((element) => ({ key: nextKey(), ...element })),
  };
}

export function inputOf(draft: TSurfaceDraft): TCreateSurface {
  return {
    name: draft.name,
    purpose: draft.purpose,
    criticality: draft.criticality,
    environment: draft.environment,
    businessOwner: draft.businessOwner,
    classificationOverride: draft.classificationOverride || null,
    netopsOwnerId: draft.netopsOwnerId || null,
    secopsOwnerId: draft.secopsOwnerId || null,
    tags: draft.tags
      .split(",")
      .map((tag) => tag.trim())
      .filter(Boolean),
    notes: draft.notes,
    elements: draft.elements.map(({ id, type, name, description, classification }) => ({ id, type, name, description, classification })),
  };
}

/** The form for a new surface and for editing one; errors come back from the server by field. */
export function SurfaceForm({
  initial,
  people,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
  banner,
}: {
  initial: TSurfaceDraft;
  people: TPerson[];
  submitLabel: string;
  pending: boolean;
  error: Error | null;
  onSubmit: (draft: TSurfaceDraft) => void;
  onCancel?: () => void;
  banner?: React.ReactNode;
}) {
  const [draft, setDraft] = useState(initial);
  const fieldErrors = error ? formErrorsOf(error, "path") : {};
  const errorFor = (path: string) => fieldErrors[path];
  const set = (patch: Partial<TSurfaceDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const setElement = (index: number, patch: Partial<TElementDraft>) =>
    setDraft((current) => ({
      ...current,
      elements: current.elements.map((element, i) => (i === index ? { ...element, ...patch } : element)),
    }));
  const moveElement = (index: number, by: number) =>
    setDraft((current) => {
      const elements = [...current.elements];
      const [moved] = elements.splice(index, 1);
      elements.splice(index + by, 0, moved!);
      return { ...current, elements };
    });

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit(draft);
  }

  const owners = (team: "NETOPS" | "SECOPS") => people.filter((person) => person.team === team);
  const generalError = error && !(error instanceof ApiRequestError && error.status === 409) ? error.message : null;

  return (
    <form onSubmit={submit} className="flex flex-col gap-6" aria-label="Protect surface" noValidate>
      {banner}
      {generalError && (
        <p role="alert" className="rounded-md border border-danger/40 bg-danger/10 px-3 py-2 text-sm text-danger">
          {generalError}
        </p>
      )}
      <section className="grid gap-4 md:grid-cols-2">
        <Field label="Name" error={errorFor("name")} className="md:col-span-2">
          {(props) => (
            <CountedInput {...props} value={draft.name} max={200} required onChange={(event) => set({ name: event.target.value })} />
          )}
        </Field>
        <Field label="Purpose" hint="What the surface is for, in business words." error={errorFor("purpose")} className="md:col-span-2">
          {(props) => <Textarea {...props} value={draft.purpose} onChange={(event) => set({ purpose: event.target.value })} />}
        </Field>
        <Field label="Criticality" error={errorFor("criticality")}>
          {(props) => (
            <Select {...props} value={draft.criticality} onChange={(event) => set({ criticality: event.target.value as Criticality })}>
              {Object.entries(CRITICALITY_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field
          label="Raise classification to"
          hint="The surface takes the highest classification of its elements unless raised here."
          error={errorFor("classificationOverride")}
        >
          {(props) => (
            <Select
              {...props}
              value={draft.classificationOverride}
              onChange={(event) => set({ classificationOverride: event.target.value as Classification | "" })}
            >
              <option value="">From the elements</option>
              {Object.entries(CLASSIFICATION_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Environment" error={errorFor("environment")}>
          {(props) => <Input {...props} value={draft.environment} onChange={(event) => set({ environment: event.target.value })} />}
        </Field>
        <Field label="Business owner" error={errorFor("businessOwner")}>
          {(props) => <Input {...props} value={draft.businessOwner} onChange={(event) => set({ businessOwner: event.target.value })} />}
        </Field>
        <Field label="NetOps owner" error={errorFor("netopsOwnerId")}>
          {(props) => (
            <OwnerSelect
              {...props}
              people={owners("NETOPS")}
              value={draft.netopsOwnerId}
              onChange={(value) => set({ netopsOwnerId: value })}
            />
          )}
        </Field>
        <Field label="SecOps owner" error={errorFor("secopsOwnerId")}>
          {(props) => (
            <OwnerSelect
              {...props}
              people={owners("SECOPS")}
              value={draft.secopsOwnerId}
              onChange={(value) => set({ secopsOwnerId: value })}
            />
          )}
        </Field>
        <Field label="Tags" hint="Separated by commas." error={error instanceof ApiRequestError ? error.fieldMessages().tags : undefined}>
          {(props) => <Input {...props} value={draft.tags} onChange={(event) => set({ tags: event.target.value })} />}
        </Field>
        <Field label="Notes" error={errorFor("notes")}>
          {(props) => <Textarea {...props} value={draft.notes} onChange={(event) => set({ notes: event.target.value })} />}
        </Field>
      </section>

      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-base font-semibold">DAAS elements</legend>
        {draft.elements.length === 0 && (
          <p className="text-sm text-muted">No elements yet: add the data, applications, assets and services this surface protects.</p>
        )}
        {draft.elements.map((element, index) => (
          <div
            key={element.key}
            className="flex flex-col gap-3 rounded-lg border border-border bg-surface-2/50 p-3"
            role="group"
            aria-label={`Element ${index + 1}`}
          >
            <div className="flex items-center justify-between gap-2">
              <span className="text-sm font-medium text-muted">Element {index + 1}</span>
              <div className="flex gap-1">
                <Button
                  variant="ghost"
                  size="icon"
                  aria-label={`Move element ${index + 1} up`}
                  disabled={index === 0}
                  onClick={() => moveElement(index, -1)}
                >
                  <ArrowUp aria-hidden className="h-4 w-4" />
                </Button>
                <Button
                  variant="ghost"
                  size="icon"
                  aria-label={`Move element ${index + 1} down`}
                  disabled={index === draft.elements.length - 1}
                  onClick={() => moveElement(index, 1)}
                >
                  <ArrowDown aria-hidden className="h-4 w-4" />
                </Button>
                <Button
                  variant="ghost"
                  size="icon"
                  aria-label={`Remove element ${index + 1}`}
                  onClick={() => set({ elements: draft.elements.filter((_, i) => i !== index) })}
                >
                  <Trash2 aria-hidden className="h-4 w-4" />
                </Button>
              </div>
            </div>
            <div className="grid gap-3 sm:grid-cols-2">
              <Field label="Element name" error={errorFor(`elements.${index}.name`)} className="sm:col-span-2">
                {(props) => (
                  <CountedInput
                    {...props}
                    value={element.name}
                    max={200}
                    onChange={(event) => setElement(index, { name: event.target.value })}
                  />
                )}
              </Field>
              <Field label="Type" error={errorFor(`elements.${index}.type`)}>
                {(props) => (
                  <Select {...props} value={element.type} onChange={(event) => setElement(index, { type: event.target.value as DaasType })}>
                    {Object.entries(DAAS_LABELS).map(([value, label]) => (
                      <option key={value} value={value}>
                        {label}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
              <Field label="Element classification" error={errorFor(`elements.${index}.classification`)}>
                {(props) => (
                  <Select
                    {...props}
                    value={element.classification}
                    onChange={(event) => setElement(index, { classification: event.target.value as Classification })}
                  >
                    {Object.entries(CLASSIFICATION_LABELS).map(([value, label]) => (
                      <option key={value} value={value}>
                        {label}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
              <Field label="Element description" error={errorFor(`elements.${index}.description`)} className="sm:col-span-2">
                {(props) => (
                  <Input
                    {...props}
                    value={element.description}
                    onChange={(event) => setElement(index, { description: event.target.value })}
                  />
                )}
              </Field>
            </div>
          </div>
        ))}
        <div>
          <Button
            variant="secondary"
            size="sm"
            onClick={() =>
              set({
                elements: [...draft.elements, { key: nextKey(), type: "DATA", name: "", description: "", classification: "INTERNAL" }],
              })
            }
          >
            <Plus aria-hidden className="h-4 w-4" /> Add element
          </Button>
        </div>
      </fieldset>

      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}

/** Picks one owner from a team's people; empty means not set yet. */
function OwnerSelect({
  people,
  value,
  onChange,
  ...props
}: {
  people: Array<{ id: string; name: string }>;
  value: string;
  onChange: (value: string) => void;
  id: string;
  "aria-invalid": boolean;
  "aria-describedby"?: string;
}) {
  return (
    <Select {...props} value={value} onChange={(event) => onChange(event.target.value)}>
      <option value="">Not set</option>
      {people.map((person) => (
        <option key={person.id} value={person.id}>
          {person.name}
        </option>
      ))}
    </Select>
  );
}
