"use client";

import { useEffect } from "react";

export type TMapShortcutActions = {
  showShortcuts: () => void;
  focusSearch: () => void;
  clearSelection: () => void;
  selectAll: () => void;
  deleteSelection: () => void;
  undo: () => void;
  redo: () => void;
  copy: () => void;
  paste: () => void;
  layout: () => void;
  /** "Connect to…" from the one selected node. */
  connect: () => void;
};

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return Boolean(element && (element.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName)));
}

/**
 * The map's keyboard shortcuts (listed in its shortcuts dialog). Keys typed into a field or a dialog
 * are theirs; a read-only map answers only the keys that change nothing.
 */
export function useMapShortcuts(
  actions: TMapShortcutActions,
  { readOnly, hasSelection }: { readOnly: boolean; hasSelection: boolean },
): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target) || document.querySelector("[role=dialog],[role=alertdialog]")) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (event.key === "?") {
        event.preventDefault();
        actions.showShortcuts();
      } else if (event.key === "/") {
        event.preventDefault();
        actions.focusSearch();
      } else if (event.key === "Escape") {
        actions.clearSelection();
      } else if (readOnly) {
        return;
      } else if ((event.key === "Delete" || event.key === "Backspace") && hasSelection) {
        event.preventDefault();
        actions.deleteSelection();
      } else if (mod && key === "z" && !event.shiftKey) {
        event.preventDefault();
        actions.undo();
      } else if ((mod && key === "z" && event.shiftKey) || (mod && key === "y")) {
        event.preventDefault();
        actions.redo();
      } else if (mod && key === "c") {
        actions.copy();
      } else if (mod && key === "v") {
        event.preventDefault();
        actions.paste();
      } else if (mod && key === "a") {
        event.preventDefault();
        actions.selectAll();
      } else if (event.shiftKey && key === "l") {
        actions.layout();
      } else if (!mod && !event.altKey && key === "c" && hasSelection) {
        event.preventDefault();
        actions.connect();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [actions, readOnly, hasSelection]);
}
