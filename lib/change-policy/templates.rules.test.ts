import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { TClassifierInput, TClassifierOperation, TFlowSpec } from "./types";
import { matchTemplate, templateMisfits } from "./templates";
import { ZTemplateParameters, type TTemplateParameters } from "./template-parameters";

const flow = (over: Partial<TFlowSpec> = {}): TFlowSpec => ({
  sourceId: "web",
  targetId: "api",
  sourceKind: "WORKLOAD",
  targetKind: "SERVICE",
  sourceZone: "app",
  targetZone: "app",
  protocol: "TCP",
  ports: "443",
  encryption: "TLS",
  authentication: "TOKEN",
  status: "APPROVED",
  ...over,
});
const add = (over: Partial<TFlowSpec> = {}): TClassifierOperation => ({ kind: "ADD", surfaceId: "shop", before: null, after: flow(over) });
const removal: TClassifierOperation = { kind: "REMOVE", surfaceId: "shop", before: flow(), after: null };

const change = (over: Partial<TClassifierInput> = {}): TClassifierInput => ({
  operations: [add()],
  surfaces: [{ id: "shop", classification: "INTERNAL", criticality: "LOW" }],
  environment: "production",
  window: null,
  plans: { implementation: "apply", verification: "probe", rollback: "revert" },
  emergencyReason: null,
  blackouts: [],
  templates: [],
  ...over,
});

const limits = (over: Partial<TTemplateParameters> = {}): TTemplateParameters => ({
  operationKinds: ["ADD", "REMOVE"],
  maxFlows: 2,
  protocols: ["TCP"],
  ports: "443,8443",
  minEncryption: "TLS",
  minAuthentication: "TOKEN",
  maxClassification: "INTERNAL",
  environments: ["production"],
  tighteningOnly: false,
  ...over,
});

const misfits = (input: TClassifierInput, parameters: TTemplateParameters = limits(), loosening = true) =>
  templateMisfits(input, loosening, parameters);

describe("whether a change fits a standard-change template", () => {
  it("fits when every operation, flow and surface stays inside the limits, up to each limit", () => {
    expect(misfits(change())).toEqual([]);
    expect(misfits(change({ operations: [add({ ports: "8443", encryption: "MTLS", authentication: "MFA" }), removal] }))).toEqual([]);
    expect(misfits(change({ surfaces: [{ id: "shop", classification: "PUBLIC", criticality: "CRITICAL" }] }))).toEqual([]);
  });

  it("needs at least one flow operation", () => {
    expect(misfits(change({ operations: [] }))).toEqual(["the change has no flow operations"]);
  });

  it("limits the number of flows", () => {
    expect(misfits(change({ operations: [add(), add({ ports: "8443" }), removal] }))).toEqual(["touches 3 flows, limit 2"]);
  });

  it("refuses an opening for a tightening-only template, and accepts tightening there", () => {
    expect(misfits(change(), limits({ tighteningOnly: true }), true)).toEqual(["opens access; the template only allows tightening"]);
    expect(misfits(change({ operations: [removal] }), limits({ tighteningOnly: true }), false)).toEqual([]);
    expect(misfits(change(), limits({ tighteningOnly: false }), true)).toEqual([]);
  });

  it("allows only the operation kinds it lists", () => {
    const modify: TClassifierOperation = { kind: "MODIFY", surfaceId: "shop", before: flow({ ports: "8443" }), after: flow() };
    expect(misfits(change({ operations: [modify] }))).toEqual(["MODIFY operations are not allowed"]);
    expect(misfits(change({ operations: [removal] }), limits({ operationKinds: ["ADD"] }))).toEqual(["REMOVE operations are not allowed"]);
  });

  it("checks the protocol, ports and crypto of the flows a change leaves, not of removed ones", () => {
    const removedCleartext: TClassifierOperation = {
      kind: "REMOVE",
      surfaceId: "shop",
      before: flow({ protocol: "UDP", ports: "53", encryption: "NONE", authentication: "NONE" }),
      after: null,
    };
    expect(misfits(change({ operations: [removedCleartext] }))).toEqual([]);
  });

  it("allows only its protocols", () => {
    expect(misfits(change({ operations: [add({ protocol: "UDP" })] }), limits({ protocols: ["TCP"], ports: "" }))).toEqual([
      "protocol UDP is not allowed",
    ]);
  });

  it("keeps ports inside its port list, never any port, and allows every port when the list is empty", () => {
    expect(misfits(change({ operations: [add({ ports: "22" })] }))).toEqual(["ports 22 exceed 443,8443"]);
    expect(misfits(change({ operations: [add({ ports: "443-8443" })] }))).toEqual(["ports 443-8443 exceed 443,8443"]);
    expect(misfits(change({ operations: [add({ protocol: "ANY", ports: "" })] }), limits({ protocols: ["ANY"] }))).toEqual([
      "ports any exceed 443,8443",
    ]);
    expect(misfits(change({ operations: [add({ protocol: "ANY", ports: "443" })] }), limits({ protocols: ["ANY"] }))).toEqual([
      "ports 443 exceed 443,8443",
    ]);
    expect(misfits(change({ operations: [add({ ports: "1-65535" })] }), limits({ ports: "" }))).toEqual([]);
    expect(misfits(change({ operations: [add({ protocol: "ANY", ports: "" })] }), limits({ protocols: ["ANY"], ports: "" }))).toEqual([]);
  });

  it("needs at least its encryption and authentication", () => {
    expect(misfits(change({ operations: [add({ encryption: "NONE" })] }))).toEqual(["encryption NONE is below TLS"]);
    expect(misfits(change({ operations: [add({ authentication: "NONE" })] }))).toEqual(["authentication NONE is below TOKEN"]);
    expect(misfits(change({ operations: [add({ encryption: "TLS" })] }), limits({ minEncryption: "MTLS" }))).toEqual([
      "encryption TLS is below MTLS",
    ]);
    expect(misfits(change({ operations: [add({ authentication: "CERTIFICATE" })] }), limits({ minAuthentication: "MFA" }))).toEqual([
      "authentication CERTIFICATE is below MFA",
    ]);
  });

  it("keeps every surface at or below its classification", () => {
    expect(misfits(change({ surfaces: [{ id: "shop", classification: "CONFIDENTIAL", criticality: "LOW" }] }))).toEqual([
      "surface classified CONFIDENTIAL, limit INTERNAL",
    ]);
  });

  it("allows only its environments, or any when it lists none", () => {
    expect(misfits(change({ environment: "staging" }))).toEqual(["environment staging is not allowed"]);
    expect(misfits(change({ environment: "staging" }), limits({ environments: [] }))).toEqual([]);
  });

  it("gives every reason once", () => {
    const cleartext = add({ encryption: "NONE", ports: "22" });
    expect(misfits(change({ operations: [cleartext, { ...cleartext }] }))).toEqual([
      "ports 22 exceed 443,8443",
      "encryption NONE is below TLS",
    ]);
  });
});

describe("the template a change fits", () => {
  const template = (id: string, name: string, parameters: TTemplateParameters = limits()) => ({ id, name, parameters });

  it("is the first by name, then by id, among those it fits", () => {
    const templates = [
      template("t3", "Web"),
      template("t2", "API"),
      template("t1", "API"),
      template("t0", "Admin", limits({ environments: ["lab"] })),
    ];
    expect(matchTemplate(change({ templates }), true)?.id).toBe("t1");
  });

  it("is none when the change fits no template", () => {
    expect(matchTemplate(change({ templates: [template("t1", "Tight", limits({ tighteningOnly: true }))] }), true)).toBeNull();
    expect(matchTemplate(change({ templates: [template("t1", "Tight", limits({ tighteningOnly: true }))] }), false)?.id).toBe("t1");
  });
});

describe("template parameters", () => {
  it("need at least one operation kind and one protocol, a sane flow limit and ports in the flow syntax", () => {
    expect(ZTemplateParameters.safeParse(limits()).success).toBe(true);
    expect(ZTemplateParameters.safeParse(limits({ ports: "" })).success).toBe(true);
    const messages = (over: Record<string, unknown>) =>
      ZTemplateParameters.safeParse({ ...limits(), ...over }).error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    expect(messages({ operationKinds: [] })).toEqual(["operationKinds: allow at least one kind of operation"]);
    expect(messages({ protocols: [] })).toEqual(["protocols: allow at least one protocol"]);
    expect(messages({ ports: "https" })).toEqual(["ports: must look like 443, 80,443 or 8000-8100"]);
    expect(ZTemplateParameters.safeParse(limits({ maxFlows: 0 })).success).toBe(false);
    expect(ZTemplateParameters.safeParse(limits({ maxFlows: 51 })).success).toBe(false);
    expect(ZTemplateParameters.safeParse(limits({ environments: ["  "] })).success).toBe(false);
  });

  it("may allow every operation kind and every protocol a flow can have", () => {
    expect(
      ZTemplateParameters.safeParse(limits({ operationKinds: ["ADD", "MODIFY", "REMOVE"], protocols: ["TCP", "UDP", "ICMP", "ANY"] }))
        .success,
    ).toBe(true);
  });

  it("are one named schema in the API document, which clients refer to by name", () => {
    expect(z.globalRegistry.get(ZTemplateParameters)?.id).toBe("TemplateParameters");
  });
});
