"use client";

import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { CountedInput, CountedTextarea } from "@/components/ui/counted-field";
import { formatFigure, formatTarget } from "@/lib/metrics/format";
import { KPI_DESCRIPTION_MAX, KPI_NAME_MAX, KPI_UNIT_MAX } from "@/lib/metrics/schemas";
import { valueBounds } from "@/lib/metrics/units";
import { formErrorsOf } from "@/lib/api/client";
import { useCreateKpi, useKpis, useRecordReading } from "@/lib/metrics/queries";
import type { TKpi } from "@/lib/metrics/schemas";
import { Sparkline } from "./sparkline";

function ReadingForm({ kpi }: { kpi: TKpi }) {
  const record = useRecordReading();
  const [error, setError] = useState<string>();
  const bounds = valueBounds(kpi.unit, kpi);
  return (
    <form
      className="mt-3 flex flex-wrap items-end gap-2"
      onSubmit={async (event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const value = Number(new FormData(form).get("value"));
        setError(undefined);
        try {
          await record.mutateAsync({ key: kpi.key, input: { value } });
          toast.success(`Reading recorded for ${kpi.name}`);
          form.reset();
        } catch (caught) {
          setError(formErrorsOf(caught).value ?? (caught instanceof Error ? caught.message : "Recording failed."));
        }
      }}
    >
      <Field
        label={`New reading (${kpi.unit})`}
        hint={`From ${bounds.min.toLocaleString("en-US")} to ${bounds.max.toLocaleString("en-US")}${bounds.integer ? ", whole numbers" : ""}`}
        error={error}
        className="w-56"
      >
        {(props) => <Input {...props} name="value" type="number" step={bounds.integer ? 1 : "any"} required />}
      </Field>
      <Button type="submit" size="sm" disabled={record.isPending}>
        Record
      </Button>
    </form>
  );
}

function NewKpiForm() {
  const create = useCreateKpi();
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <form
      className="grid gap-3 sm:grid-cols-2"
      onSubmit={async (event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const data = new FormData(form);
        const optional = (name: string) => {
          const text = String(data.get(name) ?? "");
          return text === "" ? null : Number(text);
        };
        setErrors({});
        try {
          await create.mutateAsync({
            key: String(data.get("key") ?? ""),
            name: String(data.get("name") ?? ""),
            unit: String(data.get("unit") ?? ""),
            direction: String(data.get("direction")) as TKpi["direction"],
            target: optional("target"),
            minValue: optional("minValue"),
            maxValue: optional("maxValue"),
            description: String(data.get("description") ?? ""),
          });
          toast.success("KPI defined");
          form.reset();
        } catch (caught) {
          setErrors(formErrorsOf(caught));
          toast.error(caught instanceof Error ? caught.message : "Could not define the KPI.");
        }
      }}
    >
      <Field label="Key" hint="Used by automation: POST /api/v1/metrics/{key}" error={errors.key}>
        {(props) => <Input {...props} name="key" required pattern="[a-z][a-z0-9_.\-]{2,63}" />}
      </Field>
      <Field label="Name" error={errors.name}>
        {(props) => <CountedInput {...props} name="name" required minLength={3} max={KPI_NAME_MAX} />}
      </Field>
      <Field label="Unit" hint="% is 0–100; counts are whole numbers; durations (h, d, min) are never negative" error={errors.unit}>
        {(props) => <CountedInput {...props} name="unit" required max={KPI_UNIT_MAX} />}
      </Field>
      <Field label="Direction of good" error={errors.direction}>
        {(props) => (
          <Select {...props} name="direction">
            <option value="HIGHER_IS_BETTER">Higher is better</option>
            <option value="LOWER_IS_BETTER">Lower is better</option>
          </Select>
        )}
      </Field>
      <Field label="Target" error={errors.target}>
        {(props) => <Input {...props} name="target" type="number" step="any" />}
      </Field>
      <Field label="Lowest reading" hint="Optional: replaces the unit's own lower bound" error={errors.minValue}>
        {(props) => <Input {...props} name="minValue" type="number" step="any" />}
      </Field>
      <Field label="Highest reading" hint="Optional: replaces the unit's own upper bound" error={errors.maxValue}>
        {(props) => <Input {...props} name="maxValue" type="number" step="any" />}
      </Field>
      <Field label="Description" error={errors.description} className="sm:col-span-2">
        {(props) => <CountedTextarea {...props} name="description" max={KPI_DESCRIPTION_MAX} />}
      </Field>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={create.isPending}>
          Define KPI
        </Button>
      </div>
    </form>
  );
}

/** External KPIs: defined here, fed by hand or by automation with an API token. */
export function KpiManager({ initial, canWrite }: { initial: TKpi[]; canWrite: boolean }) {
  const { data: kpis } = useKpis(initial);
  return (
    <div className="space-y-6">
      {kpis.length === 0 ? (
        <EmptyState
          title="No external KPIs yet"
          description="Define metrics Concord cannot measure itself, such as mean time to detect lateral movement."
        />
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          {kpis.map((kpi) => (
            <Card key={kpi.key} id={`kpi-${kpi.key}`}>
              <h2 className="font-semibold">{kpi.name}</h2>
              <p className="text-xs text-muted">
                <code>{kpi.key}</code> · {kpi.direction === "HIGHER_IS_BETTER" ? "higher is better" : "lower is better"}
                {kpi.target !== null && ` · target ${formatTarget(kpi.target, kpi.unit, kpi.direction)}`}
              </p>
              {kpi.description && <p className="mt-1 text-sm text-muted">{kpi.description}</p>}
              <p className="mt-2 text-2xl font-semibold tabular-nums">{formatFigure(kpi.latest?.value ?? null, kpi.unit)}</p>
              <Sparkline
                points={kpi.readings.map((reading) => ({ day: reading.observedAt.slice(0, 10), value: reading.value }))}
                target={kpi.target}
                label={`${kpi.name} readings`}
              />
              <details className="mt-2 text-sm">
                <summary className="cursor-pointer text-muted">Readings ({kpi.readings.length})</summary>
                <table className="mt-1 w-full text-left">
                  <thead>
                    <tr className="text-muted">
                      <th scope="col" className="font-medium">
                        Observed
                      </th>
                      <th scope="col" className="font-medium">
                        Value
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {[...kpi.readings].reverse().map((reading) => (
                      <tr key={reading.observedAt} className="border-t border-border">
                        <td>{reading.observedAt.slice(0, 10)}</td>
                        <td className="tabular-nums">{formatFigure(reading.value, kpi.unit)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
              {canWrite && <ReadingForm kpi={kpi} />}
            </Card>
          ))}
        </div>
      )}
      {canWrite && (
        <Card>
          <h2 className="mb-3 font-semibold">Define a KPI</h2>
          <NewKpiForm />
        </Card>
      )}
    </div>
  );
}
