import "server-only";
import pg from "pg";
import { getDatabase } from "@/lib/db";
import { LIVE_CHANNELS, type TLiveChannel } from "./channels";

type TListener = (payload: string) => void;

/**
 * One LISTEN connection per process, fanned out to every open live stream (maps, CAB meetings). On
 * Postgres it is a dedicated `pg` client (a pooled connection would lose its LISTEN when returned);
 * on the embedded database it is PGlite's in-process listen. Notifications only wake streams; the
 * streams read what changed from the database, so several instances stay in step through Postgres.
 */
class LiveNotificationHub {
  private readonly listeners = new Map<string, Set<TListener>>();
  private started: Promise<void> | null = null;
  private client: pg.Client | null = null;
  /** Called when a lost LISTEN connection is back, so streams re-read what they may have missed. */
  private readonly reconnectListeners = new Set<() => void>();

  subscribe(channel: TLiveChannel, listener: TListener): () => void {
    const set = this.listeners.get(channel) ?? new Set();
    set.add(listener);
    this.listeners.set(channel, set);
    return () => set.delete(listener);
  }

  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  ensureStarted(): Promise<void> {
    this.started ??= this.start().catch((error: unknown) => {
      this.started = null;
      throw error;
    });
    return this.started;
  }

  private dispatch(channel: string, payload: string): void {
    for (const listener of this.listeners.get(channel) ?? []) listener(payload);
  }

  private async start(): Promise<void> {
    const { opened } = getDatabase();
    if (opened.pglite) {
      const pglite = opened.pglite;
      for (const channel of LIVE_CHANNELS) await pglite.listen(channel, (payload) => this.dispatch(channel, payload));
      return;
    }
    if (opened.target.kind !== "postgres") return;
    await this.connect(opened.target.url);
  }

  private async connect(url: string): Promise<void> {
    const client = new pg.Client({ connectionString: url, application_name: "concord-live-listener" });
    client.on("notification", (message) => this.dispatch(message.channel, message.payload ?? ""));
    const retry = () => {
      if (this.client !== client) return;
      this.client = null;
      client.removeAllListeners();
      client.end().catch(() => undefined);
      setTimeout(() => {
        this.connect(url)
          .then(() => this.reconnectListeners.forEach((listener) => listener()))
          .catch(() => retry());
      }, 1000);
    };
    client.on("error", retry);
    client.on("end", retry);
    this.client = client;
    await client.connect();
    for (const channel of LIVE_CHANNELS) await client.query(`LISTEN ${channel}`);
  }
}

const globalForHub = globalThis as unknown as { concordLiveHub?: LiveNotificationHub };

export function getLiveHub(): LiveNotificationHub {
  globalForHub.concordLiveHub ??= new LiveNotificationHub();
  return globalForHub.concordLiveHub;
}
