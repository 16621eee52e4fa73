import { describe, expect, it } from "vitest";
import { changeKind, countsTowardPromotion, promotionCandidates, PROMOTION_THRESHOLD } from "./promotion";

const flow = {
  sourceId: "a",
  targetId: "b",
  sourceLabel: "a",
  targetLabel: "b",
  protocol: "TCP" as const,
  ports: "443",
  appProtocol: "",
  encryption: "TLS" as const,
  authentication: "TOKEN" as const,
  justification: "x",
};
const verifiedAt = new Date("2026-11-01T10:00:00Z");
const passed = (
  number: number,
  ports = "443",
  outcome: { verifiedAt: Date | null; rolledBackAt: Date | null } = { verifiedAt, rolledBackAt: null },
) => ({
  id: `c${number}`,
  number,
  environment: "production",
  classifications: ["INTERNAL" as const],
  ...outcome,
  operations: [{ kind: "ADD" as const, after: { ...flow, ports } }],
});

describe("template promotion suggestions", () => {
  it("suggests a kind after enough clean CAB passes, with parameters covering it", () => {
    const changes = [passed(1), passed(2), passed(3), passed(4, "22")];
    const [suggestion, ...rest] = promotionCandidates(changes);
    expect(rest).toEqual([]);
    expect(suggestion).toMatchObject({
      passes: PROMOTION_THRESHOLD,
      changeNumbers: [1, 2, 3],
      parameters: { operationKinds: ["ADD"], ports: "443", maxClassification: "INTERNAL", minEncryption: "TLS", tighteningOnly: false },
    });
  });

  it("does not suggest below the threshold and tells kinds apart", () => {
    expect(promotionCandidates([passed(1), passed(2)])).toEqual([]);
    expect(changeKind(passed(1))).not.toBe(changeKind(passed(2, "8443")));
  });

  it("counts only changes verified and not rolled back: rejected, closed-unverified and rolled-back ones never suggest a template", () => {
    const rejectedThenClosed = { verifiedAt: null, rolledBackAt: null };
    const rolledBack = { verifiedAt, rolledBackAt: new Date("2026-11-02T10:00:00Z") };
    expect(countsTowardPromotion(rejectedThenClosed)).toBe(false);
    expect(countsTowardPromotion(rolledBack)).toBe(false);
    expect(countsTowardPromotion({ verifiedAt, rolledBackAt: null })).toBe(true);
    expect(promotionCandidates([1, 2, 3, 4].map((number) => passed(number, "443", rejectedThenClosed)))).toEqual([]);
    expect(promotionCandidates([passed(1), passed(2), passed(3, "443", rolledBack), passed(4, "443", rejectedThenClosed)])).toEqual([]);
    expect(promotionCandidates([passed(1), passed(2), passed(3, "443", rolledBack), passed(4)])[0]).toMatchObject({
      passes: 3,
      changeNumbers: [1, 2, 4],
    });
  });
});
