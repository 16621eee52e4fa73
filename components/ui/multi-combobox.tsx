"use client";

import { X } from "lucide-react";
import { useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { cn } from "@/lib/ui/cn";
import { FieldNotes, noteIdsOf } from "./field";

export type TComboOption = { value: string; label: string; description?: string };

/** The options whose label or description contains every word typed, case ignored. */
export function filterOptions(options: readonly TComboOption[], query: string): TComboOption[] {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return [...options];
  return options.filter((option) => {
    const text = `${option.label} ${option.description ?? ""}`.toLowerCase();
    return terms.every((term) => text.includes(term));
  });
}

/**
 * A searchable multi-select (the WAI-ARIA combobox pattern with a multi-selectable listbox): type to
 * filter, arrow keys to move, Enter to pick or drop the highlighted option, Escape to close,
 * Backspace in the empty box to drop the last pick. Picks show as chips with their own remove buttons.
 */
export function MultiCombobox({
  label,
  options,
  value,
  onChange,
  error,
  hint,
  placeholder = "Type to search…",
  noun = "option",
}: {
  label: string;
  options: readonly TComboOption[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  error?: string;
  hint?: string;
  placeholder?: string;
  /** What one option is, for the empty and count messages ("protect surface"). */
  noun?: string;
}) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const shown = useMemo(() => filterOptions(options, query), [options, query]);
  const selected = value.map((picked) => options.find((option) => option.value === picked)).filter((option) => option !== undefined);
  const activeIndex = Math.min(active, Math.max(shown.length - 1, 0));
  const toggle = (option: TComboOption) =>
    onChange(value.includes(option.value) ? value.filter((picked) => picked !== option.value) : [...value, option.value]);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) return setOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((activeIndex + step + shown.length) % Math.max(shown.length, 1));
    } else if (event.key === "Enter") {
      if (!open) return;
      event.preventDefault();
      const option = shown[activeIndex];
      if (option) toggle(option);
    } else if (event.key === "Escape") {
      if (open) event.preventDefault();
      setOpen(false);
    } else if (event.key === "Backspace" && query === "" && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  };
  const describedBy = [...noteIdsOf(id, { hint, error }), `${id}-count`].join(" ");
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={`${id}-input`} id={`${id}-label`} className="text-sm font-medium">
        {label}
      </label>
      {selected.length > 0 && (
        <ul className="flex flex-wrap gap-1.5" aria-label={`Chosen ${label.toLowerCase()}`}>
          {selected.map((option) => (
            <li
              key={option.value}
              className="inline-flex items-center gap-1 rounded-full border border-accent/40 bg-accent/10 py-0.5 pl-2.5 pr-1 text-sm"
            >
              {option.label}
              <button
                type="button"
                className="rounded-full p-0.5 text-muted hover:bg-surface-2 hover:text-fg"
                aria-label={`Remove ${option.label}`}
                onClick={() => {
                  toggle(option);
                  inputRef.current?.focus();
                }}
              >
                <X aria-hidden className="h-3.5 w-3.5" />
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="relative">
        <input
          ref={inputRef}
          id={`${id}-input`}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-expanded={open}
          aria-controls={`${id}-listbox`}
          aria-autocomplete="list"
          aria-activedescendant={open && shown[activeIndex] ? `${id}-option-${activeIndex}` : undefined}
          aria-invalid={Boolean(error)}
          aria-describedby={describedBy}
          placeholder={placeholder}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onClick={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
          className="h-9 w-full rounded-md border border-border bg-surface px-3 text-sm text-fg placeholder:text-muted aria-[invalid=true]:border-danger"
        />
        <ul
          id={`${id}-listbox`}
          role="listbox"
          aria-multiselectable="true"
          aria-labelledby={`${id}-label`}
          hidden={!open}
          className="absolute left-0 right-0 top-full z-30 mt-1 max-h-64 overflow-y-auto rounded-md border border-border bg-surface p-1 shadow-lg"
        >
          {shown.length === 0 ? (
            <li role="presentation" className="px-2 py-1.5 text-sm text-muted">
              No {noun} matches “{query}”.
            </li>
          ) : (
            shown.map((option, index) => {
              const picked = value.includes(option.value);
              return (
                <li
                  key={option.value}
                  id={`${id}-option-${index}`}
                  role="option"
                  aria-selected={picked}
                  // Keeps the focus in the box, so typing and the keys go on working after a click.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => toggle(option)}
                  onMouseMove={() => setActive(index)}
                  className={cn(
                    "flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm",
                    index === activeIndex && "bg-surface-2",
                  )}
                >
                  <span
                    aria-hidden
                    className={cn(
                      "h-4 w-4 shrink-0 rounded border border-border text-center text-xs leading-4",
                      picked && "border-accent bg-accent text-white",
                    )}
                  >
                    {picked ? "✓" : ""}
                  </span>
                  <span>{option.label}</span>
                  {option.description && <span className="text-xs text-muted">{option.description}</span>}
                </li>
              );
            })
          )}
        </ul>
      </div>
      <p id={`${id}-count`} className="sr-only" aria-live="polite">
        {open ? `${shown.length} ${noun}${shown.length === 1 ? "" : "s"} listed, ${value.length} chosen` : `${value.length} chosen`}
      </p>
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}
