"use client";

import { useId, useMemo, useState, type KeyboardEvent } from "react";
import { connectTargets } from "@/lib/maps/canvas/connect";
import type { TMapNode } from "@/lib/maps/model/schemas";
import { cn } from "@/lib/ui/cn";
import { ModalDialog } from "./panels";

/**
 * "Connect to…": draws a flow from the selected node without a mouse. A combobox (ARIA 1.2 pattern:
 * the text field keeps focus, arrows move through the list, Enter picks) over every other node.
 */
export function ConnectDialog({
  source,
  nodes,
  onClose,
  onConnect,
}: {
  source: TMapNode | null;
  nodes: readonly TMapNode[];
  onClose: () => void;
  onConnect: (targetId: string) => void;
}) {
  return (
    <ModalDialog
      open={source !== null}
      onOpenChange={(open) => !open && onClose()}
      title={source ? `Connect ${source.label} to…` : "Connect to…"}
      description="Pick the node the new flow goes to. It is drawn as a proposed flow for you to fill in."
    >
      {source && <TargetPicker key={source.id} source={source} nodes={nodes} onConnect={onConnect} />}
    </ModalDialog>
  );
}

function TargetPicker({
  source,
  nodes,
  onConnect,
}: {
  source: TMapNode;
  nodes: readonly TMapNode[];
  onConnect: (targetId: string) => void;
}) {
  const id = useId();
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const targets = useMemo(() => connectTargets(nodes, source.id, query), [nodes, source.id, query]);
  const current = targets[Math.min(active, targets.length - 1)];
  const optionId = (index: number) => `${id}-option-${index}`;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const last = targets.length - 1;
    const moves: Record<string, number> = { ArrowDown: Math.min(last, active + 1), ArrowUp: Math.max(0, active - 1), Home: 0, End: last };
    if (event.key in moves && targets.length > 0) {
      event.preventDefault();
      setActive(moves[event.key]!);
    } else if (event.key === "Enter" && current) {
      event.preventDefault();
      onConnect(current.id);
    }
  };

  return (
    <div className="space-y-2">
      <label htmlFor={`${id}-input`} className="block text-sm font-medium">
        Target node
      </label>
      <input
        id={`${id}-input`}
        role="combobox"
        aria-expanded
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={current ? optionId(targets.indexOf(current)) : undefined}
        autoComplete="off"
        autoFocus
        value={query}
        placeholder="Type a name, kind, zone or address"
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        className="w-full rounded-md border border-border bg-surface px-3 py-2 text-sm focus:outline-none focus:ring-2 focus:ring-accent"
      />
      <ul
        id={`${id}-list`}
        role="listbox"
        aria-label={`Nodes ${source.label} can connect to`}
        className="max-h-64 overflow-y-auto rounded-md border border-border"
      >
        {targets.map((target, index) => (
          <li
            key={target.id}
            id={optionId(index)}
            role="option"
            aria-selected={target === current}
            onMouseDown={(event) => event.preventDefault()}
            onMouseEnter={() => setActive(index)}
            onClick={() => onConnect(target.id)}
            className={cn("cursor-pointer px-3 py-1.5 text-sm", target === current && "bg-accent/15")}
          >
            <span className="block font-medium">{target.label}</span>
            <span className="block text-xs text-muted">{target.detail}</span>
          </li>
        ))}
      </ul>
      <p aria-live="polite" className="text-xs text-muted">
        {targets.length === 0
          ? "No node matches."
          : `${targets.length} ${targets.length === 1 ? "node matches" : "nodes match"}. Enter connects to the highlighted one.`}
      </p>
    </div>
  );
}
