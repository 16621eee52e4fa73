"use client";

import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import {
  FACTS,
  FACT_NAMES,
  OPERATOR_LABELS,
  OPERATORS,
  type TComparison,
  type TCondition,
  type TFactName,
  type TOperator,
} from "@/lib/change-policy/conditions";

export type TBuilderState = { join: "all" | "any"; comparisons: TComparison[] };

export const DEFAULT_COMPARISON: TComparison = { fact: "loosening", op: "eq", value: true };

export function toCondition(state: TBuilderState): TCondition {
  return state.comparisons.length === 1
    ? (state.comparisons[0] as TComparison)
    : state.join === "all"
      ? { all: state.comparisons }
      : { any: state.comparisons };
}

function operatorsFor(fact: TFactName): readonly TOperator[] {
  const type = FACTS[fact].type;
  return type === "boolean" || type === "string" ? (["eq", "neq"] as const) : OPERATORS;
}

function defaultValue(fact: TFactName): TComparison["value"] {
  const spec = FACTS[fact];
  if (spec.type === "boolean") return true;
  if (spec.type === "number") return 1;
  if (spec.type === "string") return "production";
  return spec.order[spec.order.length - 1] as string;
}

/** Builds a rule's condition as sentences: "[fact] [is at least] [value]", joined by all or any. */
export function ConditionBuilder({ value, onChange }: { value: TBuilderState; onChange: (value: TBuilderState) => void }) {
  const replace = (index: number, comparison: TComparison) =>
    onChange({ ...value, comparisons: value.comparisons.map((current, position) => (position === index ? comparison : current)) });
  return (
    <fieldset className="grid gap-2">
      <legend className="text-sm font-medium">When</legend>
      {value.comparisons.length > 1 && (
        <Field label="Combine conditions">
          {(props) => (
            <Select {...props} value={value.join} onChange={(event) => onChange({ ...value, join: event.target.value as "all" | "any" })}>
              <option value="all">All of these are true</option>
              <option value="any">Any of these is true</option>
            </Select>
          )}
        </Field>
      )}
      {value.comparisons.map((comparison, index) => {
        const spec = FACTS[comparison.fact];
        return (
          <div key={index} className="grid items-end gap-2 rounded-md border border-border p-2 sm:grid-cols-[2fr_1fr_1fr_auto]">
            <Field label={`Fact ${index + 1}`}>
              {(props) => (
                <Select
                  {...props}
                  value={comparison.fact}
                  onChange={(event) => {
                    const fact = event.target.value as TFactName;
                    replace(index, { fact, op: "eq", value: defaultValue(fact) });
                  }}
                >
                  {FACT_NAMES.map((fact) => (
                    <option key={fact} value={fact}>
                      {FACTS[fact].label}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field label={`Comparison ${index + 1}`}>
              {(props) => (
                <Select
                  {...props}
                  value={comparison.op}
                  onChange={(event) => replace(index, { ...comparison, op: event.target.value as TOperator })}
                >
                  {operatorsFor(comparison.fact).map((op) => (
                    <option key={op} value={op}>
                      {OPERATOR_LABELS[op]}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field label={`Value ${index + 1}`}>
              {(props) =>
                spec.type === "boolean" ? (
                  <Select
                    {...props}
                    value={String(comparison.value)}
                    onChange={(event) => replace(index, { ...comparison, value: event.target.value === "true" })}
                  >
                    <option value="true">yes</option>
                    <option value="false">no</option>
                  </Select>
                ) : spec.type === "ordinal" ? (
                  <Select
                    {...props}
                    value={String(comparison.value)}
                    onChange={(event) => replace(index, { ...comparison, value: event.target.value })}
                  >
                    {spec.order.map((option) => (
                      <option key={option} value={option}>
                        {option.toLowerCase()}
                      </option>
                    ))}
                  </Select>
                ) : spec.type === "number" ? (
                  <Input
                    {...props}
                    type="number"
                    min={0}
                    value={Number(comparison.value)}
                    onChange={(event) => replace(index, { ...comparison, value: Number(event.target.value) })}
                  />
                ) : (
                  <Input
                    {...props}
                    value={String(comparison.value)}
                    onChange={(event) => replace(index, { ...comparison, value: event.target.value })}
                  />
                )
              }
            </Field>
            <Button
              size="sm"
              variant="ghost"
              disabled={value.comparisons.length === 1}
              aria-label={`Remove condition ${index + 1}`}
              onClick={() => onChange({ ...value, comparisons: value.comparisons.filter((_, position) => position !== index) })}
            >
              Remove
            </Button>
          </div>
        );
      })}
      <div>
        <Button
          size="sm"
          variant="secondary"
          onClick={() => onChange({ ...value, comparisons: [...value.comparisons, DEFAULT_COMPARISON] })}
        >
          Add condition
        </Button>
      </div>
    </fieldset>
  );
}
