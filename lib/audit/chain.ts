import crypto from "node:crypto";
import canonicalize from "canonicalize";

/** The hash before the first event. */
export const GENESIS_HASH = "0".repeat(64);

export type TAuditContent = {
  createdAt: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string;
  /** How the actor authenticated; hashed only when present, so events written before it still verify. */
  authMethod?: "session" | "token";
  authId?: string;
  prevHash: string;
};

/** The hashed content of a stored event: its columns, with the authentication fields only when set. */
export function storedAuditContent<T extends { authMethod: string | null; authId: string | null }>(
  row: T,
): Omit<T, "authMethod" | "authId"> & Pick<TAuditContent, "authMethod" | "authId"> {
  const { authMethod, authId, ...rest } = row;
  return {
    ...rest,
    ...(authMethod ? { authMethod: authMethod as "session" | "token" } : {}),
    ...(authId ? { authId } : {}),
  };
}

/**
 * Turns any value into plain JSON (dates as ISO strings, bigints as strings, undefined dropped)
 * so that what is hashed is exactly what the database stores and returns.
 */
export function toPlainJson(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value, (_key, inner: unknown) => (typeof inner === "bigint" ? inner.toString() : inner))) as unknown;
}

/** SHA-256 of the RFC 8785 canonical JSON of an event's content: stable across key order. */
export function hashAuditContent(content: TAuditContent): string {
  const canonical = canonicalize({ ...content, before: toPlainJson(content.before), after: toPlainJson(content.after) });
  if (canonical === undefined) throw new Error("Audit content cannot be canonicalized");
  return crypto.createHash("sha256").update(canonical).digest("hex");
}

export type TStoredAuditEvent = TAuditContent & { id: bigint | number | string; hash: string };

export type TChainBreak = { id: string; reason: "prev_hash_mismatch" | "hash_mismatch" };

/** Checks one stretch of the chain; `previousHash` is the hash of the event before the first. */
export function findChainBreak(events: TStoredAuditEvent[], previousHash: string): TChainBreak | null {
  let expectedPrev = previousHash;
  for (const event of events) {
    if (event.prevHash !== expectedPrev) return { id: String(event.id), reason: "prev_hash_mismatch" };
    const { id: _id, hash, ...content } = event;
    if (hashAuditContent(content) !== hash) return { id: String(event.id), reason: "hash_mismatch" };
    expectedPrev = hash;
  }
  return null;
}
