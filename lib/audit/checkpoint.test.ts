import { describe, expect, it } from "vitest";
import {
  chainGrewSince,
  checkpointKeyId,
  checkpointSignatureProblem,
  compareWithCheckpoint,
  signCheckpoint,
  type TChainAtHead,
  type TStoredCheckpoint,
} from "./checkpoint";

const KEY = "checkpoint-test-key-0123456789abcdef-0123";
const OTHER_KEY = "another-checkpoint-key-0123456789abcdef-99";

function checkpoint(overrides: Partial<TStoredCheckpoint> = {}): TStoredCheckpoint {
  const signed = signCheckpoint({ createdAt: "2026-12-07T12:00:00.000Z", eventCount: "120", headId: "130", headHash: "a".repeat(64) }, KEY);
  return { ...signed, seq: "4", ...overrides };
}

const intactChain: TChainAtHead = { countThroughHead: 120, hashAtHead: "a".repeat(64), lastId: "140", total: 128 };

describe("checkpoint signatures", () => {
  it("accept a checkpoint signed with the key", () => {
    expect(checkpointSignatureProblem(checkpoint(), KEY)).toBeNull();
  });

  it("refuse any signed field changed after signing", () => {
    expect(checkpointSignatureProblem(checkpoint({ eventCount: "70" }), KEY)).toBe("bad_signature");
    expect(checkpointSignatureProblem(checkpoint({ headId: "80" }), KEY)).toBe("bad_signature");
    expect(checkpointSignatureProblem(checkpoint({ headHash: "b".repeat(64) }), KEY)).toBe("bad_signature");
    expect(checkpointSignatureProblem(checkpoint({ createdAt: "2026-12-08T12:00:00.000Z" }), KEY)).toBe("bad_signature");
  });

  it("refuse a tampered signature, whatever its length", () => {
    const original = checkpoint();
    const flipped = `${original.signature.slice(0, -1)}${original.signature.endsWith("0") ? "1" : "0"}`;
    expect(checkpointSignatureProblem({ ...original, signature: flipped }, KEY)).toBe("bad_signature");
    expect(checkpointSignatureProblem({ ...original, signature: "abc" }, KEY)).toBe("bad_signature");
    expect(checkpointSignatureProblem({ ...original, signature: "" }, KEY)).toBe("bad_signature");
  });

  it("name a checkpoint signed with another key", () => {
    const forged = {
      ...signCheckpoint({ createdAt: "2026-12-07T12:00:00.000Z", eventCount: "1", headId: "1", headHash: "c".repeat(64) }, OTHER_KEY),
      seq: "5",
    };
    expect(checkpointSignatureProblem(forged, KEY)).toBe("unknown_key");
  });

  it("accept a checkpoint signed with a key retired by a rotation, when that key is still listed", () => {
    const old = {
      ...signCheckpoint({ createdAt: "2026-12-07T12:00:00.000Z", eventCount: "1", headId: "1", headHash: "c".repeat(64) }, OTHER_KEY),
      seq: "2",
    };
    expect(checkpointSignatureProblem(old, [KEY, OTHER_KEY])).toBeNull();
    expect(checkpointSignatureProblem({ ...old, eventCount: "0" }, [KEY, OTHER_KEY])).toBe("bad_signature");
  });

  it("refuse a forgery that copies the key's id but not the key", () => {
    const forged = {
      ...signCheckpoint({ createdAt: "2026-12-07T12:00:00.000Z", eventCount: "1", headId: "1", headHash: "c".repeat(64) }, OTHER_KEY),
      seq: "5",
    };
    expect(checkpointSignatureProblem({ ...forged, keyId: checkpointKeyId(KEY) }, KEY)).toBe("bad_signature");
  });

  it("never reveal the key in the key id", () => {
    expect(checkpointKeyId(KEY)).toMatch(/^[0-9a-f]{16}$/);
    expect(KEY).not.toContain(checkpointKeyId(KEY));
  });
});

describe("a chain held against a checkpoint", () => {
  it("holds when the head and the count match, with events after it", () => {
    expect(compareWithCheckpoint(checkpoint(), intactChain)).toBeNull();
  });

  it("names the missing tail: how many events, where the chain ends and where it should", () => {
    const problem = compareWithCheckpoint(checkpoint(), { countThroughHead: 70, hashAtHead: null, lastId: "79", total: 70 });
    expect(problem?.kind).toBe("tail_missing");
    expect(problem?.message).toBe(
      "50 events up to checkpoint #4 are missing: the chain ends at event 79, the checkpoint says 130 (120 events).",
    );
  });

  it("names a single missing last event", () => {
    const problem = compareWithCheckpoint(checkpoint(), { countThroughHead: 119, hashAtHead: null, lastId: "129", total: 119 });
    expect(problem?.message).toMatch(/^1 event up to checkpoint #4 is missing: the chain ends at event 129/);
  });

  it("notices a chain emptied completely", () => {
    const problem = compareWithCheckpoint(checkpoint(), { countThroughHead: 0, hashAtHead: null, lastId: null, total: 0 });
    expect(problem).toMatchObject({ kind: "tail_missing", message: expect.stringContaining("no event (it is empty)") as string });
  });

  it("notices a chain rebuilt with new hashes up to the head", () => {
    expect(compareWithCheckpoint(checkpoint(), { ...intactChain, hashAtHead: "d".repeat(64) })?.kind).toBe("head_mismatch");
  });

  it("notices the head event itself removed with later events kept", () => {
    expect(compareWithCheckpoint(checkpoint(), { ...intactChain, hashAtHead: null })?.kind).toBe("head_mismatch");
  });

  it("notices events removed before the head", () => {
    const problem = compareWithCheckpoint(checkpoint(), { ...intactChain, countThroughHead: 117 });
    expect(problem).toMatchObject({ kind: "count_mismatch", message: expect.stringContaining("3 missing") as string });
  });

  it("has nothing to hold an empty chain's checkpoint against", () => {
    expect(
      compareWithCheckpoint(checkpoint({ eventCount: "0", headId: null }), {
        countThroughHead: 0,
        hashAtHead: null,
        lastId: null,
        total: 0,
      }),
    ).toBeNull();
  });
});

describe("the scheduled checkpoint", () => {
  const head = { eventCount: "12", headId: "40" };
  it("is written for the first time and whenever the chain grew", () => {
    expect(chainGrewSince(null, head)).toBe(true);
    expect(chainGrewSince({ eventCount: "11", headId: "39" }, head)).toBe(true);
  });

  it("is skipped when nothing was written since the last one", () => {
    expect(chainGrewSince({ eventCount: "12", headId: "40" }, head)).toBe(false);
  });
});
