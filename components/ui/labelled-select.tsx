import type { SelectHTMLAttributes } from "react";
import { cn } from "@/lib/ui/cn";
import { Field, Select } from "./field";

export type TOption = { value: string; label: string };

/** `[{ value, label }]` from a record of labels, in the record's order. */
export const optionsOf = (labels: Record<string, string>): TOption[] => Object.entries(labels).map(([value, label]) => ({ value, label }));

/**
 * A labelled drop-down: the label, hint and error of a Field, the options, and first an empty
 * option (`placeholder`, such as "Any" for a filter) when one is given. Controlled (`value` and
 * `onChange`) or, in a plain GET form, by `name` and `defaultValue`. The "filter" variant is the
 * small muted label of filter bars.
 */
export function LabelledSelect({
  label,
  hint,
  error,
  options,
  placeholder,
  variant = "form",
  className,
  ...select
}: {
  label: string;
  hint?: string;
  error?: string;
  options: readonly TOption[];
  placeholder?: string;
  variant?: "form" | "filter";
  className?: string;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, "children" | "className" | "id">) {
  const choices = (
    <>
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </>
  );
  if (variant === "filter") {
    return (
      <label className={cn("flex flex-col gap-1 text-xs font-medium text-muted", className)}>
        {label}
        <Select className="min-w-36 text-fg" {...select}>
          {choices}
        </Select>
      </label>
    );
  }
  return (
    <Field label={label} hint={hint} error={error} className={className}>
      {(props) => (
        <Select {...props} {...select}>
          {choices}
        </Select>
      )}
    </Field>
  );
}
