import "server-only";
import crypto from "node:crypto";
import type { TActorContext } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { isShuttingDown } from "@/lib/ops/lifecycle";
import { sseResponse } from "@/lib/live/sse";
import { MAP_EVENTS_CHANNEL, MAP_PRESENCE_CHANNEL } from "./channels";
import { INT32_MAX } from "@/lib/api/bounds";
import { getMapHub } from "./live";
import { announcePresence, type TPresenceSignal } from "./presence";
import { listMapEvents } from "./service";

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

  return sseResponse(signal, (channel) => {
    let queue = Promise.resolve();
    const catchUp = () => {
      queue = queue
        .then(async () => {
          if (channel.isClosed()) return;
          const { events } = await listMapEvents(context, surfaceId, { after: lastSent, limit: 5000 });
          const byVersion = new Map<number, typeof events>();
          for (const event of events) byVersion.set(event.mapVersion, [...(byVersion.get(event.mapVersion) ?? []), event]);
          for (const [mapVersion, batch] of byVersion) {
            channel.event("change", { mapVersion, events: batch }, mapVersion);
            lastSent = mapVersion;
          }
        })
        .catch(() => channel.comment("catch-up failed, retrying on the next heartbeat"));
    };
    channel.event("hello", { connectionId, version: start.version });
    channel.onClose(
      hub.subscribe(MAP_EVENTS_CHANNEL, (payload) => {
        if ((JSON.parse(payload) as { surfaceId: string }).surfaceId === surfaceId) catchUp();
      }),
    );
    channel.onClose(
      hub.subscribe(MAP_PRESENCE_CHANNEL, (payload) => {
        const presence = JSON.parse(payload) as TPresenceSignal;
        if (presence.surfaceId === surfaceId) channel.event("presence", presence);
      }),
    );
    channel.onClose(hub.onReconnect(catchUp));
    channel.onClose(() => {
      announcePresence(context, surfaceId, { connectionId, editing: null, state: "left" }).catch(() => undefined);
    });
    catchUp();
    announcePresence(context, surfaceId, { connectionId, editing: null, state: "here" }).catch(() => undefined);
    return { heartbeat: catchUp };
  });
}
