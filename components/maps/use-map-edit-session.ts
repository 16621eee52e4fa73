"use client";

import { useCallback, useEffect, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { ApiRequestError } from "@/lib/api/client";
import { createEditorStore, type TEditorStore } from "@/lib/maps/canvas/editor-store";
import type { TClipboard } from "@/lib/maps/model/undo";
import type { TFlowMap } from "@/lib/maps/model/schemas";
import { mapKeys, useFlowMap, useMapEdit } from "@/lib/maps/queries";
import type { TLiveBatch } from "./use-map-live";

const CLIPBOARD_KEY = "concord.map.clipboard";

const clipboardStorage = {
  read(): TClipboard | null {
    try {
      return JSON.parse(localStorage.getItem(CLIPBOARD_KEY) ?? "null") as TClipboard | null;
    } catch {
      return null;
    }
  },
  write(clipboard: TClipboard): void {
    try {
      localStorage.setItem(CLIPBOARD_KEY, JSON.stringify(clipboard));
    } catch {
      // Private windows may refuse storage; the in-page clipboard still works.
    }
  },
};

/**
 * The editing session of one map: an editor store (see `lib/maps/canvas/editor-store.ts`) whose
 * confirmed map is the one writer of the map's query cache. The cache hands the store what the
 * store did not write itself: a refetch after a refused edit, an import's result.
 */
export function useMapEditSession(
  surfaceId: string,
  initialMap: TFlowMap,
  guard: { confirmContentEdit: () => Promise<boolean>; onSaved: () => void },
): { store: TEditorStore; mapQuery: ReturnType<typeof useFlowMap>; onLiveBatch: (batch: TLiveBatch) => void } {
  const queryClient = useQueryClient();
  const mapQuery = useFlowMap(surfaceId, initialMap);
  const { mutateAsync: save } = useMapEdit(surfaceId);
  const [session] = useState(() => {
    const written = new WeakSet<TFlowMap>([mapQuery.data]);
    const store = createEditorStore(mapQuery.data, {
      save: async (edit) => {
        const result = await save(edit);
        guard.onSaved();
        return result;
      },
      // Stable for the session: the guard reads the surface's current state when it is asked.
      confirmContentEdit: guard.confirmContentEdit,
      newId: () => crypto.randomUUID(),
      clipboard: clipboardStorage,
      onSaveError: (error) => {
        // Whatever refused the edit, the map is fetched again as the server has it.
        void queryClient.invalidateQueries({ queryKey: mapKeys.map(surfaceId) });
        toast.error(error instanceof ApiRequestError ? error.describe() : "The change could not be saved.");
      },
    });
    return { store, written };
  });
  const { store, written } = session;

  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.base === previous.base) return;
        written.add(state.base);
        queryClient.setQueryData(mapKeys.map(surfaceId), state.base);
      }),
    [queryClient, store, surfaceId, written],
  );

  useEffect(() => {
    if (!written.has(mapQuery.data)) store.dispatch({ type: "loaded", map: mapQuery.data });
  }, [mapQuery.data, store, written]);

  const onLiveBatch = useCallback(
    (batch: TLiveBatch) => {
      store.dispatch({ type: "liveBatch", batch });
      // A node for a DAAS element this page has not heard of (one just added to the surface): the
      // elements come with the map, so it is read again to draw the node inside the boundary.
      const known = new Set(store.getState().map.elements.map((element) => element.id));
      const linked = batch.events.map((event) => (event.after as { daasElementId?: string | null } | null)?.daasElementId);
      if (linked.some((id) => id && !known.has(id))) void queryClient.invalidateQueries({ queryKey: mapKeys.map(surfaceId) });
    },
    [queryClient, store, surfaceId],
  );

  return { store, mapQuery, onLiveBatch };
}
