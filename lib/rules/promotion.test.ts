import { describe, expect, it } from "vitest";
import { changeKind, promotionCandidates, PROMOTION_THRESHOLD } from "./promotion";

const flow = { sourceId: "a", targetId: "b", sourceLabel: "a", targetLabel: "b", protocol: "TCP" as const, ports: "443", appProtocol: "", encryption: "TLS" as const, authentication: "TOKEN" as const, justification: "x" };
const passed = (number: number, ports = "443") => ({ id: `c${number}`, number, environment: "production", classifications: ["INTERNAL" as const], operations: [{ kind: "ADD" as const, after: { ...flow, ports } }] });

describe("template promotion suggestions", () => {
  it("suggests a kind after enough clean CAB passes, with parameters covering it", () => {
    const changes = [passed(1), passed(2), passed(3), passed(4, "22")];
    const [suggestion, ...rest] = promotionCandidates(changes);
    expect(rest).toEqual([]);
    expect(suggestion).toMatchObject({ passes: PROMOTION_THRESHOLD, changeNumbers: [1, 2, 3], parameters: { operationKinds: ["ADD"], ports: "443", maxClassification: "INTERNAL", minEncryption: "TLS", tighteningOnly: false } });
  });

  it("does not suggest below the threshold and tells kinds apart", () => {
    expect(promotionCandidates([passed(1), passed(2)])).toEqual([]);
    expect(changeKind(passed(1))).not.toBe(changeKind(passed(2, "8443")));
  });
});
