import { describe, expect, it } from "vitest";
import { GENESIS_HASH, findChainBreak, hashAuditContent, type TAuditContent } from "./chain";

function content(overrides: Partial<TAuditContent> = {}): TAuditContent {
  return {
    createdAt: "2026-01-01T00:00:00.000Z",
    actorId: null,
    actorLabel: "system",
    action: "user.create",
    entityType: "User",
    entityId: "u1",
    before: null,
    after: { name: "Ada", roles: ["VIEWER"] },
    requestId: "r1",
    prevHash: GENESIS_HASH,
    ...overrides,
  };
}

function chain(length: number) {
  const events = [];
  let prevHash = GENESIS_HASH;
  for (let i = 0; i < length; i++) {
    const c = content({ entityId: `u${i}`, prevHash });
    const hash = hashAuditContent(c);
    events.push({ ...c, id: i + 1, hash });
    prevHash = hash;
  }
  return events;
}

describe("audit hash chain", () => {
  it("hashes the same content to the same value whatever the key order", () => {
    const a = content({ after: { name: "Ada", roles: ["VIEWER"] } });
    const b = { ...content(), after: { roles: ["VIEWER"], name: "Ada" } };
    expect(hashAuditContent(a)).toBe(hashAuditContent(b));
  });

  it("changes the hash when any field changes", () => {
    expect(hashAuditContent(content())).not.toBe(hashAuditContent(content({ action: "user.update" })));
  });

  it("treats dates and bigints as the JSON the database stores", () => {
    const withDate = content({ after: { at: new Date("2026-01-01T00:00:00.000Z"), n: 5n } });
    const asJson = content({ after: { at: "2026-01-01T00:00:00.000Z", n: "5" } });
    expect(hashAuditContent(withDate)).toBe(hashAuditContent(asJson));
  });

  it("starts every chain from 64 zeros, the genesis hash that stored chains and the verifier expect", () => {
    expect(GENESIS_HASH).toBe("0000000000000000000000000000000000000000000000000000000000000000");
  });

  it("hashes a missing before or after as null, the way the database stores it", () => {
    const created = content({ before: undefined });
    expect(hashAuditContent(created)).toBe(hashAuditContent(content({ before: null })));
  });

  it("accepts an intact chain", () => {
    expect(findChainBreak(chain(5), GENESIS_HASH)).toBeNull();
  });

  it("accepts an empty chain", () => {
    expect(findChainBreak([], GENESIS_HASH)).toBeNull();
  });

  it("names the first event whose content was altered", () => {
    const events = chain(5);
    events[2] = { ...events[2]!, after: { name: "Mallory" } };
    expect(findChainBreak(events, GENESIS_HASH)).toEqual({ id: "3", reason: "hash_mismatch" });
  });

  it("names the event after a removed one", () => {
    const events = chain(5);
    events.splice(1, 1);
    expect(findChainBreak(events, GENESIS_HASH)).toEqual({ id: "3", reason: "prev_hash_mismatch" });
  });

  it("hashes how the actor authenticated when it is recorded, and leaves events without it verifiable as before", async () => {
    const { storedAuditContent } = await import("./chain");
    const base = content();
    const withToken = { ...base, authMethod: "token" as const, authId: "token-1" };
    expect(hashAuditContent(withToken)).not.toBe(hashAuditContent(base));
    expect(hashAuditContent(withToken)).not.toBe(hashAuditContent({ ...withToken, authId: "token-2" }));
    expect(storedAuditContent({ ...base, authMethod: null, authId: null })).toEqual(base);
    expect(hashAuditContent(storedAuditContent({ ...base, authMethod: "token", authId: "token-1" }))).toBe(hashAuditContent(withToken));
  });
});
