export type TSessionTimes = { createdAt: Date; lastSeenAt: Date; expiresAt: Date; revokedAt: Date | null };

export type TSessionState = "active" | "revoked" | "expired" | "idle";

/** A session ends when revoked (logout, admin), at its absolute expiry, or after idling too long. */
export function sessionState(session: TSessionTimes, now: Date, idleMs: number): TSessionState {
  if (session.revokedAt) return "revoked";
  if (now.getTime() >= session.expiresAt.getTime()) return "expired";
  if (now.getTime() - session.lastSeenAt.getTime() >= idleMs) return "idle";
  return "active";
}

/** Writing lastSeenAt on every request would turn each read into a write; a minute is precise enough. */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

export function shouldTouch(session: Pick<TSessionTimes, "lastSeenAt">, now: Date): boolean {
  return now.getTime() - session.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS;
}
