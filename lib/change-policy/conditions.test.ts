import { describe, expect, it } from "vitest";
import { ZCondition, describeCondition, evaluateCondition, type TFacts } from "./conditions";
import { ZCreateChange } from "@/lib/changes/schemas";

const facts = {
  loosening: true,
  tighteningOnly: false,
  approvesFlow: true,
  approvesObservedFlow: false,
  maxClassification: "CONFIDENTIAL",
  maxCriticality: "HIGH",
  crossesZone: false,
  externalParty: false,
  minAddedEncryption: null,
  minAddedAuthentication: "TOKEN",
  flowsTouched: 3,
  environment: "production",
  inBlackout: false,
  templateMatch: false,
  hasImplementationPlan: true,
  hasVerificationPlan: true,
  hasRollbackPlan: false,
  wouldDropObservedTraffic: false,
  observedConnectionsDropped: 0,
} satisfies TFacts;

describe("rule conditions", () => {
  it("compares ordinal facts by rank and collects the facts it read", () => {
    const used = new Set<string>();
    expect(
      evaluateCondition(
        {
          all: [
            { fact: "maxClassification", op: "gte", value: "INTERNAL" },
            { fact: "maxClassification", op: "lt", value: "RESTRICTED" },
          ],
        },
        facts,
        used as never,
      ),
    ).toBe(true);
    expect([...used]).toEqual(["maxClassification"]);
    expect(
      evaluateCondition(
        { any: [{ fact: "flowsTouched", op: "gt", value: 5 }, { not: { fact: "hasRollbackPlan", op: "eq", value: true } }] },
        facts,
      ),
    ).toBe(true);
  });

  it("treats a missing ordinal (nothing added) as matching only 'is not'", () => {
    expect(evaluateCondition({ fact: "minAddedEncryption", op: "eq", value: "NONE" }, facts)).toBe(false);
    expect(evaluateCondition({ fact: "minAddedEncryption", op: "lte", value: "MTLS" }, facts)).toBe(false);
    expect(evaluateCondition({ fact: "minAddedEncryption", op: "neq", value: "NONE" }, facts)).toBe(true);
  });

  it("refuses conditions that cannot mean anything, with the reason", () => {
    expect(ZCondition.safeParse({ fact: "nope", op: "eq", value: true }).success).toBe(false);
    const ordered = ZCondition.safeParse({ fact: "loosening", op: "gt", value: true });
    expect(ordered.success).toBe(false);
    expect(JSON.stringify(ordered.error?.issues)).toMatch(/yes\/no fact/);
    expect(ZCondition.safeParse({ fact: "maxClassification", op: "gte", value: "SECRET" }).success).toBe(false);
    expect(ZCondition.safeParse({ all: [] }).success).toBe(false);
    expect(ZCondition.safeParse({ all: [{ fact: "flowsTouched", op: "gt", value: 5 }], extra: 1 }).success).toBe(false);
  });

  it("reads as a sentence", () => {
    expect(
      describeCondition({
        all: [
          { fact: "loosening", op: "eq", value: true },
          {
            any: [
              { fact: "maxClassification", op: "gte", value: "RESTRICTED" },
              { fact: "externalParty", op: "eq", value: true },
            ],
          },
        ],
      }),
    ).toBe(
      "Opens access (loosening) is yes and (Highest classification touched is at least Restricted or Involves an external party is yes)",
    );
  });
});

describe("change input", () => {
  const surfaceId = "7f0c8f5e-2a4b-4f6e-9d3c-1b2a3c4d5e6f";
  it("needs a window with both ends in order, and operations on the change's surfaces", () => {
    const base = { title: "Open", surfaceIds: [surfaceId] };
    expect(ZCreateChange.safeParse({ ...base, windowStart: "2026-01-01T10:00:00Z", windowEnd: null }).success).toBe(false);
    expect(ZCreateChange.safeParse({ ...base, windowStart: "2026-01-01T10:00:00Z", windowEnd: "2026-01-01T09:00:00Z" }).success).toBe(
      false,
    );
    const elsewhere = ZCreateChange.safeParse({
      ...base,
      operations: [{ kind: "REMOVE", surfaceId: "8f0c8f5e-2a4b-4f6e-9d3c-1b2a3c4d5e6f", edgeId: surfaceId }],
    });
    expect(JSON.stringify(elsewhere.error?.issues)).toMatch(/one of the change's surfaces/);
    const badPorts = ZCreateChange.safeParse({
      ...base,
      operations: [
        {
          kind: "MODIFY",
          surfaceId,
          edgeId: surfaceId,
          flow: { protocol: "TCP", ports: "99999", encryption: "TLS", authentication: "NONE", justification: "x" },
        },
      ],
    });
    expect(badPorts.success).toBe(false);
    expect(ZCreateChange.safeParse({ ...base, windowStart: "2026-01-01T10:00:00Z", windowEnd: "2026-01-01T12:00:00Z" }).success).toBe(true);
  });
});
