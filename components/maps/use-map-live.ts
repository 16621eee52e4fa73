"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { mapKeys, sendPresence } from "@/lib/maps/queries";
import type { TMapEvent } from "@/lib/maps/model/schemas";

export type TLiveBatch = { mapVersion: number; events: TMapEvent[] };
export type TPresence = { connectionId: string; user: { id: string; name: string; team: string }; editing: string | null; seenAt: number };

const PRESENCE_EVERY_MS = 20_000;
const PRESENCE_EXPIRES_MS = 50_000;

/**
 * Hands everyone else's edits to `onBatch` as the map's event stream brings them (the editor store
 * applies them), and tracks who else is on the map. The browser's EventSource reconnects by itself and sends the last
 * map version it received, so the server replays exactly what was missed.
 */
export function useMapLive(
  surfaceId: string,
  startVersion: number,
  editing: string | null,
  enabled: boolean,
  onBatch: (batch: TLiveBatch) => void,
) {
  const queryClient = useQueryClient();
  const [connectionId, setConnectionId] = useState<string | null>(null);
  const [status, setStatus] = useState<"connecting" | "live" | "reconnecting">("connecting");
  const [others, setOthers] = useState<Map<string, TPresence>>(new Map());
  const startVersionRef = useRef(startVersion);
  const editingRef = useRef(editing);
  const onBatchRef = useRef(onBatch);
  const connectionRef = useRef<string | null>(null);

  useEffect(() => {
    editingRef.current = editing;
    onBatchRef.current = onBatch;
  }, [editing, onBatch]);

  useEffect(() => {
    if (!enabled) return;
    const known = new Set<string>();
    const source = new EventSource(`/api/v1/surfaces/${surfaceId}/map/events?after=${startVersionRef.current}`);
    const announce = () => {
      if (connectionRef.current) sendPresence(surfaceId, { connectionId: connectionRef.current, editing: editingRef.current });
    };
    source.addEventListener("hello", (message) => {
      const hello = JSON.parse((message as MessageEvent<string>).data) as { connectionId: string };
      connectionRef.current = hello.connectionId;
      setConnectionId(hello.connectionId);
      setStatus("live");
      known.clear();
      setOthers(new Map());
    });
    source.addEventListener("change", (message) => {
      onBatchRef.current(JSON.parse((message as MessageEvent<string>).data) as TLiveBatch);
      void queryClient.invalidateQueries({ queryKey: mapKeys.history(surfaceId) });
    });
    source.addEventListener("presence", (message) => {
      const signal = JSON.parse((message as MessageEvent<string>).data) as Omit<TPresence, "seenAt"> & { state: "here" | "left" };
      if (signal.connectionId === connectionRef.current) return;
      setOthers((current) => {
        const next = new Map(current);
        if (signal.state === "left") next.delete(signal.connectionId);
        else
          next.set(signal.connectionId, {
            connectionId: signal.connectionId,
            user: signal.user,
            editing: signal.editing,
            seenAt: Date.now(),
          });
        return next;
      });
      // Someone new: tell them we are here too, rather than making them wait for our next heartbeat.
      if (signal.state === "left") known.delete(signal.connectionId);
      else if (!known.has(signal.connectionId)) {
        known.add(signal.connectionId);
        announce();
      }
    });
    source.onerror = () => setStatus("reconnecting");
    source.onopen = () => setStatus("live");
    const heartbeat = setInterval(() => {
      announce();
      setOthers((current) => new Map([...current].filter(([, presence]) => Date.now() - presence.seenAt < PRESENCE_EXPIRES_MS)));
    }, PRESENCE_EVERY_MS);
    const leave = () => {
      if (connectionRef.current) sendPresence(surfaceId, { connectionId: connectionRef.current, editing: null, state: "left" });
    };
    window.addEventListener("pagehide", leave);
    return () => {
      window.removeEventListener("pagehide", leave);
      clearInterval(heartbeat);
      leave();
      source.close();
      connectionRef.current = null;
    };
  }, [surfaceId, enabled, queryClient]);

  useEffect(() => {
    if (connectionId) sendPresence(surfaceId, { connectionId, editing });
  }, [surfaceId, connectionId, editing]);

  const sorted = useMemo(() => [...others.values()].sort((a, b) => a.user.name.localeCompare(b.user.name)), [others]);
  return useMemo(() => ({ status, others: sorted, connectionId }), [status, sorted, connectionId]);
}

/** Who else is editing each element right now (element id → people), for the badges on the canvas. */
export function useEditorsByElement(others: TPresence[]): ReadonlyMap<string, Array<{ name: string; team: string }>> {
  return useMemo(() => {
    const byElement = new Map<string, Array<{ name: string; team: string }>>();
    for (const presence of others)
      if (presence.editing) byElement.set(presence.editing, [...(byElement.get(presence.editing) ?? []), presence.user]);
    return byElement;
  }, [others]);
}
