"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { CountedInput, CountedTextarea } from "@/components/ui/counted-field";
import { formErrorsOf } from "@/lib/api/client";
import { useCreateObjective } from "@/lib/objectives/queries";

type TPerson = { id: string; name: string };
type TMetric = { key: string; name: string; value: number | null };
type TKeyResultDraft = { title: string; metricKey: string; baseline: string; target: string };

/** A charter objective, owned jointly by a NetOps and a SecOps lead, measured by key results. */
export function NewObjectiveForm({ leads, metrics }: { leads: { netops: TPerson[]; secops: TPerson[] }; metrics: TMetric[] }) {
  const router = useRouter();
  const create = useCreateObjective();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const blank = (): TKeyResultDraft => ({
    title: "",
    metricKey: metrics[0]?.key ?? "",
    baseline: String(metrics[0]?.value ?? 0),
    target: "",
  });
  const [keyResults, setKeyResults] = useState<TKeyResultDraft[]>([blank()]);
  const patch = (index: number, change: Partial<TKeyResultDraft>) =>
    setKeyResults((rows) => rows.map((row, at) => (at === index ? { ...row, ...change } : row)));
  return (
    <form
      className="grid gap-3 sm:grid-cols-2"
      onSubmit={async (event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const data = new FormData(form);
        setErrors({});
        try {
          await create.mutateAsync({
            title: String(data.get("title") ?? ""),
            description: String(data.get("description") ?? ""),
            dueDate: String(data.get("dueDate") ?? "") || null,
            netopsLeadId: String(data.get("netopsLeadId") ?? ""),
            secopsLeadId: String(data.get("secopsLeadId") ?? ""),
            keyResults: keyResults.map((row) => ({
              title: row.title,
              metricKey: row.metricKey,
              baseline: Number(row.baseline),
              target: Number(row.target),
            })),
          });
          toast.success("Objective added to the charter");
          form.reset();
          setKeyResults([blank()]);
          router.refresh();
        } catch (error) {
          setErrors(formErrorsOf(error, "path"));
          toast.error(error instanceof Error ? error.message : "Could not add the objective.");
        }
      }}
    >
      <Field label="Objective" error={errors.title} className="sm:col-span-2">
        {(props) => <CountedInput {...props} name="title" required minLength={3} max={200} />}
      </Field>
      <Field label="Description" error={errors.description} className="sm:col-span-2">
        {(props) => <CountedTextarea {...props} name="description" max={2000} />}
      </Field>
      <Field label="NetOps lead" error={errors.netopsLeadId}>
        {(props) => (
          <Select {...props} name="netopsLeadId">
            {leads.netops.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="SecOps lead" error={errors.secopsLeadId}>
        {(props) => (
          <Select {...props} name="secopsLeadId">
            {leads.secops.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Due date" error={errors.dueDate}>
        {(props) => <Input {...props} name="dueDate" type="date" />}
      </Field>
      <span />
      <fieldset className="space-y-3 rounded-md border border-border p-3 sm:col-span-2">
        <legend className="px-1 text-sm font-medium">Key results</legend>
        {keyResults.map((row, index) => (
          <div key={index} className="grid gap-2 sm:grid-cols-[2fr_2fr_1fr_1fr_auto] sm:items-end">
            <Field label={`Key result ${index + 1}`} error={errors[`keyResults.${index}.title`]}>
              {(props) => (
                <Input
                  {...props}
                  value={row.title}
                  required
                  minLength={3}
                  onChange={(event) => patch(index, { title: event.target.value })}
                />
              )}
            </Field>
            <Field label="Measured by" error={errors[`keyResults.${index}.metricKey`]}>
              {(props) => (
                <Select
                  {...props}
                  value={row.metricKey}
                  onChange={(event) =>
                    patch(index, {
                      metricKey: event.target.value,
                      baseline: String(metrics.find((metric) => metric.key === event.target.value)?.value ?? 0),
                    })
                  }
                >
                  {metrics.map((metric) => (
                    <option key={metric.key} value={metric.key}>
                      {metric.name}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field label="Baseline" error={errors[`keyResults.${index}.baseline`]}>
              {(props) => (
                <Input
                  {...props}
                  type="number"
                  step="any"
                  required
                  value={row.baseline}
                  onChange={(event) => patch(index, { baseline: event.target.value })}
                />
              )}
            </Field>
            <Field label="Target" error={errors[`keyResults.${index}.target`]}>
              {(props) => (
                <Input
                  {...props}
                  type="number"
                  step="any"
                  required
                  value={row.target}
                  onChange={(event) => patch(index, { target: event.target.value })}
                />
              )}
            </Field>
            <Button
              variant="ghost"
              size="sm"
              disabled={keyResults.length === 1}
              aria-label={`Remove key result ${index + 1}`}
              onClick={() => setKeyResults((rows) => rows.filter((_, at) => at !== index))}
            >
              Remove
            </Button>
          </div>
        ))}
        <Button
          variant="secondary"
          size="sm"
          disabled={keyResults.length >= 10}
          onClick={() => setKeyResults((rows) => [...rows, blank()])}
        >
          Add key result
        </Button>
      </fieldset>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={create.isPending}>
          Add objective
        </Button>
      </div>
    </form>
  );
}
