import { deliverNextMessage, failExhaustedMessages, type TDeliveryOptions } from "./deliver";

export type TDeliveryWorker = {
  start(): void;
  /** Stops claiming and resolves once the attempts in flight have finished and been recorded. */
  stop(): Promise<void>;
  readonly running: boolean;
};

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}

/**
 * A webhook delivery worker: `concurrency` loops that each claim one message, attempt it, and claim
 * the next; when nothing is due they poll every `pollIntervalMs`. Any number of workers, in one
 * process or many, can share a database: each message is leased to one attempt at a time.
 */
export function createDeliveryWorker(options: TDeliveryOptions & { concurrency?: number; pollIntervalMs?: number } = {}): TDeliveryWorker {
  const concurrency = options.concurrency ?? 4;
  const pollIntervalMs = options.pollIntervalMs ?? 2_000;
  let controller: AbortController | null = null;
  let loops: Promise<void>[] = [];

  /** One loop (the sweeper) also gives up on messages whose last attempt's worker died. */
  async function loop(signal: AbortSignal, sweeper: boolean): Promise<void> {
    while (!signal.aborted) {
      let idle = true;
      try {
        idle = (await deliverNextMessage(options)) === null;
        if (idle && sweeper) await failExhaustedMessages(options);
      } catch (error) {
        console.error("[outbox]", error);
      }
      if (idle) await sleep(pollIntervalMs, signal);
    }
  }

  return {
    start() {
      if (controller) return;
      const current = new AbortController();
      controller = current;
      loops = Array.from({ length: concurrency }, (_, index) => loop(current.signal, index === 0));
    },
    async stop() {
      controller?.abort();
      await Promise.all(loops);
      controller = null;
      loops = [];
    },
    get running() {
      return controller !== null;
    },
  };
}

let processWorker: TDeliveryWorker | null = null;

/** The server process's own worker (started at boot; stopped on shutdown so no attempt is cut off). */
export function startOutboxWorker(): TDeliveryWorker {
  processWorker ??= createDeliveryWorker();
  processWorker.start();
  return processWorker;
}

export async function stopOutboxWorker(): Promise<void> {
  await processWorker?.stop();
}
