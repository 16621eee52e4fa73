"use client";

import { useSyncExternalStore } from "react";

/**
 * What the person chose on the map page for the discovery overlay: shown or not, and the ghost
 * edges picked to propose. Shared by the panel and the canvas, which sit apart on the page; it is
 * view state, not server data (that lives in the query cache).
 */
type TOverlayState = { visible: boolean; picked: ReadonlySet<string> };

const EMPTY: TOverlayState = { visible: false, picked: new Set() };
const states = new Map<string, TOverlayState>();
const listeners = new Set<() => void>();

function update(surfaceId: string, change: (state: TOverlayState) => TOverlayState): void {
  states.set(surfaceId, change(states.get(surfaceId) ?? EMPTY));
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Picks a ghost edge, or unpicks it: from the panel's list or by clicking it on the canvas. */
export function toggleGhostPicked(surfaceId: string, ghostId: string): void {
  update(surfaceId, (current) => {
    const picked = new Set(current.picked);
    if (picked.has(ghostId)) picked.delete(ghostId);
    else picked.add(ghostId);
    return { ...current, picked };
  });
}

export function useOverlayState(surfaceId: string) {
  const state = useSyncExternalStore(
    subscribe,
    () => states.get(surfaceId) ?? EMPTY,
    () => EMPTY,
  );
  return {
    ...state,
    setVisible: (visible: boolean) => update(surfaceId, (current) => ({ ...current, visible })),
    togglePicked: (ghostId: string) => toggleGhostPicked(surfaceId, ghostId),
    clearPicked: () => update(surfaceId, (current) => ({ ...current, picked: new Set() })),
  };
}
