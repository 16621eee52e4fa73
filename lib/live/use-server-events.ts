"use client";

import { useEffect, useRef, useState } from "react";

export type TLiveStatus = "connecting" | "live" | "reconnecting";

/**
 * Listens to a server-sent-events stream of the API and calls `onEvent` for each named event; the
 * browser's EventSource reconnects by itself (and `hello` comes again), so callers re-read on
 * `hello` to catch up with what happened while they were away.
 */
export function useServerEvents(url: string, events: readonly string[], onEvent: (name: string, data: unknown) => void, enabled = true) {
  const [status, setStatus] = useState<TLiveStatus>("connecting");
  const onEventRef = useRef(onEvent);
  useEffect(() => {
    onEventRef.current = onEvent;
  }, [onEvent]);
  const eventsKey = events.join(",");

  useEffect(() => {
    if (!enabled) return;
    const source = new EventSource(url);
    const listeners = eventsKey.split(",").map((name) => {
      const listener = (message: Event) => {
        setStatus("live");
        onEventRef.current(name, JSON.parse((message as MessageEvent<string>).data) as unknown);
      };
      source.addEventListener(name, listener);
      return [name, listener] as const;
    });
    source.onopen = () => setStatus("live");
    source.onerror = () => setStatus("reconnecting");
    return () => {
      for (const [name, listener] of listeners) source.removeEventListener(name, listener);
      source.close();
    };
  }, [url, eventsKey, enabled]);

  return status;
}
