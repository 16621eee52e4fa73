import { describe, expect, it } from "vitest";
import type { Classification, Encryption, FlowOpKind } from "@/lib/db/generated/enums.ts";
import type { TFlowSnapshot } from "./types";
import { changeKind, promotionCandidates } from "./promotion";

const snapshot = (over: Partial<TFlowSnapshot> = {}): TFlowSnapshot => ({
  sourceId: "web",
  targetId: "db",
  sourceLabel: "web",
  targetLabel: "db",
  protocol: "TCP",
  ports: "443",
  appProtocol: "",
  encryption: "TLS",
  authentication: "TOKEN",
  justification: "orders",
  ...over,
});

type TOperation = { kind: FlowOpKind; after: TFlowSnapshot | null };
const add = (over: Partial<TFlowSnapshot> = {}): TOperation => ({ kind: "ADD", after: snapshot(over) });
const remove: TOperation = { kind: "REMOVE", after: null };

let number = 0;
const verified = (operations: TOperation[], over: { environment?: string; classifications?: Classification[] } = {}) => {
  number += 1;
  return {
    id: `c${number}`,
    number,
    environment: "production",
    classifications: ["INTERNAL" as Classification],
    verifiedAt: new Date("2026-11-01T10:00:00Z"),
    rolledBackAt: null,
    operations,
    ...over,
  };
};
const times = <T>(count: number, make: () => T) => Array.from({ length: count }, make);

describe("what makes two changes the same kind", () => {
  it("is the environment, the highest classification touched and each operation's kind, protocol, ports, encryption and authentication", () => {
    const change = verified([add({ ports: "22", encryption: "MTLS", authentication: "CERTIFICATE" }), remove], {
      classifications: ["PUBLIC", "RESTRICTED", "INTERNAL"],
    });
    expect(changeKind(change)).toBe("production|RESTRICTED|ADD/TCP/22/MTLS/CERTIFICATE;REMOVE/-/-/-/-");
  });

  it("does not depend on the order of operations or classifications", () => {
    const a = verified([add({ ports: "443" }), add({ ports: "22", protocol: "UDP" })], { classifications: ["CONFIDENTIAL", "PUBLIC"] });
    const b = verified([add({ ports: "22", protocol: "UDP" }), add({ ports: "443" })], { classifications: ["PUBLIC", "CONFIDENTIAL"] });
    expect(changeKind(a)).toBe(changeKind(b));
  });

  it("tells apart each part of the kind", () => {
    const base = changeKind(verified([add()]));
    expect(changeKind(verified([add()], { environment: "staging" }))).not.toBe(base);
    expect(changeKind(verified([add()], { classifications: ["CONFIDENTIAL"] }))).not.toBe(base);
    expect(changeKind(verified([{ kind: "MODIFY", after: snapshot() }]))).not.toBe(base);
    expect(changeKind(verified([add({ protocol: "UDP" })]))).not.toBe(base);
    expect(changeKind(verified([add({ encryption: "NONE" })]))).not.toBe(base);
    expect(changeKind(verified([add({ authentication: "MFA" })]))).not.toBe(base);
  });

  it("counts a change with no classification as public", () => {
    expect(changeKind(verified([add()], { classifications: [] }))).toBe(changeKind(verified([add()], { classifications: ["PUBLIC"] })));
  });
});

describe("suggested templates", () => {
  it("cover the highest classification the kind touched", () => {
    const [suggestion] = promotionCandidates(times(3, () => verified([add()], { classifications: ["PUBLIC", "CONFIDENTIAL"] })));
    expect(suggestion?.parameters.maxClassification).toBe("CONFIDENTIAL");
    const [internal] = promotionCandidates(times(3, () => verified([add()], { classifications: ["INTERNAL", "PUBLIC"] })));
    expect(internal?.parameters.maxClassification).toBe("INTERNAL");
  });

  it("for removals only: tightening only, no ports, the weakest crypto, TCP as a placeholder protocol", () => {
    const [suggestion] = promotionCandidates(times(3, () => verified([remove, remove])));
    expect(suggestion?.parameters).toEqual({
      operationKinds: ["REMOVE"],
      maxFlows: 2,
      protocols: ["TCP"],
      ports: "",
      minEncryption: "NONE",
      minAuthentication: "NONE",
      maxClassification: "INTERNAL",
      environments: ["production"],
      tighteningOnly: true,
    });
  });

  it("cover every protocol, port and operation kind the changes used, once each", () => {
    const operations = (): TOperation[] => [
      add({ ports: "443" }),
      add({ ports: "443", targetId: "cache" }),
      add({ protocol: "ICMP", ports: "" }),
      { kind: "MODIFY", after: snapshot({ ports: "8443" }) },
      remove,
    ];
    const [suggestion] = promotionCandidates(times(3, () => verified(operations(), { environment: "staging" })));
    expect(suggestion?.parameters).toMatchObject({
      operationKinds: ["ADD", "MODIFY", "REMOVE"],
      maxFlows: 5,
      protocols: ["TCP", "ICMP"],
      ports: "443,8443",
      environments: ["staging"],
      tighteningOnly: false,
    });
  });

  it("ask for the weakest encryption any of the changes' flows used", () => {
    const suggestedEncryption = (encryptions: Encryption[]) =>
      promotionCandidates(times(3, () => verified(encryptions.map((encryption) => add({ encryption })))))[0]?.parameters.minEncryption;
    expect(suggestedEncryption(["MTLS", "NONE", "TLS"])).toBe("NONE");
    expect(suggestedEncryption(["MTLS", "TLS"])).toBe("TLS");
    expect(suggestedEncryption(["MTLS"])).toBe("MTLS");
  });

  it("is tightening only when the changes modify or remove but never add", () => {
    const [suggestion] = promotionCandidates(times(3, () => verified([{ kind: "MODIFY", after: snapshot() }])));
    expect(suggestion?.parameters.tighteningOnly).toBe(true);
  });

  it("never come from changes without flow operations", () => {
    expect(promotionCandidates(times(5, () => verified([])))).toEqual([]);
  });

  it("list the most frequent kind first, with at most ten of its change numbers", () => {
    const first = number + 1;
    const often = times(12, () => verified([add({ ports: "22" })]));
    const rarely = times(3, () => verified([add({ ports: "443" })]));
    const suggestions = promotionCandidates([...rarely, ...often]);
    expect(suggestions.map((suggestion) => suggestion.passes)).toEqual([12, 3]);
    expect(suggestions[0]?.parameters.ports).toBe("22");
    expect(suggestions[0]?.changeNumbers).toEqual(Array.from({ length: 10 }, (_, index) => first + index));
  });
});
