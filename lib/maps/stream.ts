import "server-only";
import crypto from "node:crypto";
import type { TActorContext } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { isShuttingDown, onShutdown } from "@/lib/ops/lifecycle";
import { trackOpenStream } from "@/lib/ops/metrics";
import { MAP_EVENTS_CHANNEL, MAP_PRESENCE_CHANNEL } from "./channels";
import { INT32_MAX } from "@/lib/api/bounds";
import { getMapHub } from "./live";
import { announcePresence, type TPresenceSignal } from "./presence";
import { listMapEvents } from "./service";

/** How soon a browser reconnects when this instance closes its stream to shut down. */
const RECONNECT_AFTER_SHUTDOWN_MS = 500;

/** Proxies and load balancers close quiet connections; a comment line every 15 s keeps the stream open. */
const HEARTBEAT_MS = 15_000;

/**
 * A server-sent-events stream of one map. Each batch of events goes out once, in map-version order,
 * with the map version as the event id — so a browser that reconnects (sending Last-Event-ID, or
 * `after`) gets exactly what it missed. Notifications only wake the stream; the events table is the
 * source of truth, and the heartbeat re-reads it too, so a lost notification delays an edit, never drops it.
 */
export async function openMapStream(
  context: TActorContext,
  surfaceId: string,
  after: number | undefined,
  signal: AbortSignal,
): Promise<Response> {
  // A stopping instance takes no new streams: the browser retries, and the proxy sends it elsewhere.
  if (isShuttingDown()) throw new AppError(503, "shutting_down", "This instance is restarting; reconnect.");
  // Without `after` only the current version is wanted: ask for events past the largest version a map can have.
  const start = await listMapEvents(context, surfaceId, { after: after ?? INT32_MAX, limit: 1 });
  let lastSent = after ?? start.version;
  const hub = getMapHub();
  await hub.ensureStarted();
  const connectionId = crypto.randomUUID();
  const encoder = new TextEncoder();
  const cleanups: Array<() => void> = [];
  let closed = false;

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      let queue = Promise.resolve();
      const catchUp = () => {
        queue = queue
          .then(async () => {
            if (closed) return;
            const { events } = await listMapEvents(context, surfaceId, { after: lastSent, limit: 5000 });
            const byVersion = new Map<number, typeof events>();
            for (const event of events) byVersion.set(event.mapVersion, [...(byVersion.get(event.mapVersion) ?? []), event]);
            for (const [mapVersion, batch] of byVersion) {
              send(`id: ${mapVersion}\nevent: change\ndata: ${JSON.stringify({ mapVersion, events: batch })}\n\n`);
              lastSent = mapVersion;
            }
          })
          .catch(() => send(`: catch-up failed, retrying on the next heartbeat\n\n`));
      };
      const close = () => {
        if (closed) return;
        closed = true;
        cleanups.forEach((cleanup) => cleanup());
        announcePresence(context, surfaceId, { connectionId, editing: null, state: "left" }).catch(() => undefined);
        try {
          controller.close();
        } catch {
          // Already closed by the client.
        }
      };

      send(`retry: 2000\nevent: hello\ndata: ${JSON.stringify({ connectionId, version: start.version })}\n\n`);
      cleanups.push(
        hub.subscribe(MAP_EVENTS_CHANNEL, (payload) => {
          if ((JSON.parse(payload) as { surfaceId: string }).surfaceId === surfaceId) catchUp();
        }),
        hub.subscribe(MAP_PRESENCE_CHANNEL, (payload) => {
          const presence = JSON.parse(payload) as TPresenceSignal;
          if (presence.surfaceId === surfaceId) send(`event: presence\ndata: ${payload}\n\n`);
        }),
        hub.onReconnect(catchUp),
      );
      const heartbeat = setInterval(() => {
        send(`: heartbeat\n\n`);
        catchUp();
      }, HEARTBEAT_MS);
      cleanups.push(() => clearInterval(heartbeat));
      // On shutdown: say so, ask for a quick reconnect (to another instance), and end, so the server can drain.
      cleanups.push(
        onShutdown(() => {
          send(`retry: ${RECONNECT_AFTER_SHUTDOWN_MS}\nevent: reconnect\ndata: ${JSON.stringify({ reason: "shutdown" })}\n\n`);
          close();
        }),
      );
      cleanups.push(trackOpenStream());
      signal.addEventListener("abort", close);
      catchUp();
      announcePresence(context, surfaceId, { connectionId, editing: null, state: "here" }).catch(() => undefined);
    },
    cancel() {
      closed = true;
      cleanups.forEach((cleanup) => cleanup());
      announcePresence(context, surfaceId, { connectionId, editing: null, state: "left" }).catch(() => undefined);
    },
  });

  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform keeps compression from buffering the stream.
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
}
