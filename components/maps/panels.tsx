"use client";

import { memo, type DragEvent, type ReactNode } from "react";
import { AlertDialog, Dialog } from "radix-ui";
import { AlertTriangle, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { KIND_LABELS } from "@/lib/maps/model/appearance";
import { NODE_KINDS, type TNodeKind } from "@/lib/maps/model/schemas";
import { KIND_ICONS } from "./nodes";

export const PALETTE_MIME = "application/x-concord-node-kind";

/** Drag a kind onto the canvas, or press it to add one in the middle of the view (keyboard users). */
export const Palette = memo(function Palette({ onAdd }: { onAdd: (kind: TNodeKind) => void }) {
  return (
    <nav aria-label="Node palette" className="flex w-40 shrink-0 flex-col gap-1 border-r border-border bg-surface p-2">
      <p className="px-1 pb-1 text-xs font-semibold uppercase tracking-wide text-muted">Add to map</p>
      {NODE_KINDS.map((kind) => {
        const Icon = KIND_ICONS[kind];
        return (
          <button
            key={kind}
            type="button"
            draggable
            onDragStart={(event: DragEvent) => {
              event.dataTransfer.setData(PALETTE_MIME, kind);
              event.dataTransfer.effectAllowed = "move";
            }}
            onClick={() => onAdd(kind)}
            className="flex cursor-grab items-center gap-2 rounded-md border border-border bg-surface px-2 py-1.5 text-left text-sm hover:bg-surface-2 active:cursor-grabbing"
            aria-label={`Add ${KIND_LABELS[kind].toLowerCase()}`}
          >
            <Icon aria-hidden className="h-4 w-4 text-muted" /> {KIND_LABELS[kind]}
          </button>
        );
      })}
    </nav>
  );
});

/** A short stroke as a legend shows it, drawn like the line it stands for. */
export function LegendLine({ stroke, dash, width }: { stroke: string; dash?: string; width?: number }) {
  return (
    <svg aria-hidden width="34" height="8" className="shrink-0">
      <line x1="0" y1="4" x2="34" y2="4" style={{ stroke, strokeDasharray: dash, strokeWidth: width ?? 2 }} />
    </svg>
  );
}

/** What the lines and marks on a canvas mean (shown in its bottom-left corner, see canvas-corners.tsx). */
export const Legend = memo(function Legend({ id }: { id?: string }) {
  const line = (style: { stroke: string; dash?: string; width?: number }) => <LegendLine {...style} />;
  return (
    <section id={id} aria-label="Legend" className="rounded-md border border-border bg-surface/95 p-2 text-[11px] shadow-sm">
      <ul className="grid grid-cols-1 gap-x-3 gap-y-1 md:grid-cols-2">
        <li className="flex items-center gap-1.5">{line({ stroke: "var(--success)" })} Approved</li>
        <li className="flex items-center gap-1.5">{line({ stroke: "var(--accent)", dash: "8 5" })} Proposed</li>
        <li className="flex items-center gap-1.5">{line({ stroke: "var(--muted)", dash: "2 4" })} Observed (implicit trust)</li>
        <li className="flex items-center gap-1.5">{line({ stroke: "var(--danger)" })} Denied</li>
        <li className="flex items-center gap-1.5">{line({ stroke: "var(--fg)", width: 3 })} Thicker: TLS / mTLS</li>
        <li className="flex items-center gap-1.5">
          <AlertTriangle aria-hidden className="h-3.5 w-3.5 text-warning" /> Cleartext into confidential data, or approved without reason
        </li>
      </ul>
    </section>
  );
});

export const SHORTCUTS: Array<[string, string]> = [
  ["Delete / Backspace", "Delete the selection (asks first)"],
  ["Ctrl/⌘ + Z", "Undo"],
  ["Ctrl/⌘ + Shift + Z, Ctrl + Y", "Redo"],
  ["Ctrl/⌘ + C", "Copy the selected nodes and the flows between them"],
  ["Ctrl/⌘ + V", "Paste"],
  ["Ctrl/⌘ + A", "Select everything"],
  ["Shift + drag", "Select several"],
  ["/", "Search"],
  ["Shift + L", "Automatic layout"],
  ["Tab, then Enter or Space", "Go to a node or a flow's label, and select it (a flow opens its details)"],
  ["C", "Connect the selected node to another: a flow, picked from a searchable list"],
  ["Arrow keys (Shift: further)", "Move the selected nodes; saved when you let go"],
  ["Escape", "Clear the selection"],
  ["?", "This list"],
];

export function ShortcutsDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <ModalDialog open={open} onOpenChange={onOpenChange} title="Keyboard shortcuts">
      <table className="w-full text-sm">
        <tbody>
          {SHORTCUTS.map(([keys, action]) => (
            <tr key={keys} className="border-b border-border last:border-0">
              <td className="py-1.5 pr-3">
                <kbd className="rounded border border-border bg-surface-2 px-1.5 py-0.5 font-mono text-xs">{keys}</kbd>
              </td>
              <td className="py-1.5">{action}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ModalDialog>
  );
}

export function ModalDialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  wide,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: string;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-black/40" />
        <Dialog.Content
          className={`fixed left-1/2 top-1/2 z-50 max-h-[85vh] w-[92vw] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg border border-border bg-surface p-5 text-fg shadow-xl ${wide ? "max-w-2xl" : "max-w-md"}`}
        >
          <div className="mb-3 flex items-start justify-between gap-4">
            <div>
              <Dialog.Title className="text-base font-semibold">{title}</Dialog.Title>
              {description ? (
                <Dialog.Description className="mt-1 text-sm text-muted">{description}</Dialog.Description>
              ) : (
                <Dialog.Description className="sr-only">{title}</Dialog.Description>
              )}
            </div>
            <Dialog.Close asChild>
              <Button variant="ghost" size="icon" aria-label="Close">
                <X className="h-4 w-4" />
              </Button>
            </Dialog.Close>
          </div>
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  cancelLabel = "Cancel",
  onConfirm,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: string;
  confirmLabel: string;
  cancelLabel?: string;
  onConfirm: () => void;
}) {
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-50 bg-black/40" />
        <AlertDialog.Content className="fixed left-1/2 top-1/2 z-50 w-[92vw] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-lg border border-border bg-surface p-5 text-fg shadow-xl">
          <AlertDialog.Title className="text-base font-semibold">{title}</AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm text-muted">{description}</AlertDialog.Description>
          <div className="mt-5 flex justify-end gap-2">
            <AlertDialog.Cancel asChild>
              <Button variant="secondary">{cancelLabel}</Button>
            </AlertDialog.Cancel>
            <AlertDialog.Action asChild>
              <Button variant="danger" onClick={onConfirm}>
                {confirmLabel}
              </Button>
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
