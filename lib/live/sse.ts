import "server-only";
import { onShutdown } from "@/lib/ops/lifecycle";
import { trackOpenStream } from "@/lib/ops/metrics";

/** How soon a browser reconnects when this instance closes its stream to shut down. */
const RECONNECT_AFTER_SHUTDOWN_MS = 500;

/** Proxies and load balancers close quiet connections; a comment line every 15 s keeps the stream open. */
const HEARTBEAT_MS = 15_000;

export type TSseChannel = {
  /** One event; `id` becomes the browser's Last-Event-ID on reconnect. */
  event: (name: string, data: unknown, id?: string | number) => void;
  comment: (text: string) => void;
  /** Registers what to undo when the stream ends (unsubscribe, timers). */
  onClose: (cleanup: () => void) => void;
  isClosed: () => boolean;
};

export type TSseHandlers = {
  /** Called with every heartbeat: streams re-read their source here, so a lost notification only delays. */
  heartbeat?: () => void;
};

/**
 * A server-sent-events response shared by every live screen: the heartbeat, the metric of open
 * streams, the browser's reconnect delay, and on shutdown a `reconnect` event (to another instance)
 * before the stream ends so the server can drain. `setup` subscribes to whatever wakes the stream.
 */
export function sseResponse(signal: AbortSignal, setup: (channel: TSseChannel) => TSseHandlers | void): Response {
  const encoder = new TextEncoder();
  const cleanups: Array<() => void> = [];
  let closed = false;
  const runCleanups = () => {
    if (closed) return false;
    closed = true;
    cleanups.splice(0).forEach((cleanup) => cleanup());
    return true;
  };

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      const close = () => {
        if (!runCleanups()) return;
        try {
          controller.close();
        } catch {
          // Already closed by the client.
        }
      };
      const channel: TSseChannel = {
        event: (name, data, id) => write(`${id === undefined ? "" : `id: ${id}\n`}event: ${name}\ndata: ${JSON.stringify(data)}\n\n`),
        comment: (text) => write(`: ${text}\n\n`),
        onClose: (cleanup) => {
          if (closed) cleanup();
          else cleanups.push(cleanup);
        },
        isClosed: () => closed,
      };
      write(`retry: 2000\n\n`);
      const handlers = setup(channel) ?? {};
      const heartbeat = setInterval(() => {
        channel.comment("heartbeat");
        handlers.heartbeat?.();
      }, HEARTBEAT_MS);
      cleanups.push(() => clearInterval(heartbeat));
      cleanups.push(
        onShutdown(() => {
          write(`retry: ${RECONNECT_AFTER_SHUTDOWN_MS}\nevent: reconnect\ndata: ${JSON.stringify({ reason: "shutdown" })}\n\n`);
          close();
        }),
      );
      cleanups.push(trackOpenStream());
      signal.addEventListener("abort", close);
    },
    cancel() {
      runCleanups();
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
