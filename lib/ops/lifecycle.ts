/**
 * Whether this instance is shutting down, and who must be told when it starts to: open live streams
 * close themselves (asking their browsers to reconnect, to another instance) so the server can drain.
 */
type TShutdownListener = () => void;

type TLifecycle = { shuttingDown: boolean; listeners: Set<TShutdownListener> };

const globalForLifecycle = globalThis as unknown as { concordLifecycle?: TLifecycle };

function state(): TLifecycle {
  globalForLifecycle.concordLifecycle ??= { shuttingDown: false, listeners: new Set() };
  return globalForLifecycle.concordLifecycle;
}

export function isShuttingDown(): boolean {
  return state().shuttingDown;
}

/** Runs `listener` when shutdown begins; returns the unsubscribe function. */
export function onShutdown(listener: TShutdownListener): () => void {
  state().listeners.add(listener);
  return () => state().listeners.delete(listener);
}

/** Marks the instance not ready and tells every listener, once. */
export function beginShutdown(): void {
  const current = state();
  if (current.shuttingDown) return;
  current.shuttingDown = true;
  for (const listener of [...current.listeners]) {
    try {
      listener();
    } catch {
      // One listener failing must not keep the others from closing.
    }
  }
  current.listeners.clear();
}
