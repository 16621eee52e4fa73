import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { generatePolicy } from "./generate";
import { POLICY_TARGETS } from "./model";
import { PAYMENTS_FLOWS, PAYMENTS_SURFACE } from "./test-fixtures";
import { validateKubernetesDocument } from "./validate";

const approvedIds = PAYMENTS_FLOWS.filter((flow) => flow.status === "APPROVED").map((flow) => flow.id);

describe("generated policy for a surface with every node kind and flow attribute", () => {
  for (const target of POLICY_TARGETS) {
    it(`${target}: matches its golden files`, async () => {
      const generated = generatePolicy(PAYMENTS_SURFACE, target);
      for (const file of generated.files) await expect(file.content).toMatchFileSnapshot(`__golden__/${file.path}`);
      await expect(JSON.stringify(generated.unsupported, null, 2)).toMatchFileSnapshot(`__golden__/${target}/unsupported.json`);
    });

    it(`${target}: every approved flow is either in a document or listed with a reason; a proposed flow is in neither`, () => {
      const generated = generatePolicy(PAYMENTS_SURFACE, target);
      const text = generated.files.map((file) => file.content).join("\n");
      const reported = new Set(generated.unsupported.map((entry) => entry.flowId));
      for (const flowId of approvedIds) expect(text.includes(flowId) || reported.has(flowId), flowId).toBe(true);
      const proposed = PAYMENTS_FLOWS.find((flow) => flow.status === "PROPOSED")!;
      expect(text).not.toContain(proposed.id);
      expect(reported.has(proposed.id)).toBe(false);
    });
  }

  it("every Kubernetes, Cilium and Istio file parses back to documents its schema accepts", () => {
    for (const target of ["kubernetes", "cilium", "istio"] as const) {
      const files = generatePolicy(PAYMENTS_SURFACE, target).files.filter((file) => !file.path.endsWith("kustomization.yaml"));
      const documents = files.flatMap((file) => parseAllDocuments(file.content).map((document) => document.toJS()));
      expect(documents.length).toBe(3);
      expect(documents.flatMap((document, index) => validateKubernetesDocument(document, index))).toEqual([]);
    }
  });

  it("a protected workload with no approved flow still gets a policy that denies everything but DNS", () => {
    const lonely = { ...PAYMENTS_SURFACE, flows: [] };
    const [policy] = generatePolicy(lonely, "kubernetes").documents as {
      spec: { ingress: unknown[]; egress: { ports: unknown[] }[]; policyTypes: string[] };
    }[];
    expect(policy!.spec.policyTypes).toEqual(["Ingress", "Egress"]);
    expect(policy!.spec.ingress).toEqual([]);
    expect(policy!.spec.egress).toHaveLength(1);
    expect(policy!.spec.egress[0]!.ports).toEqual([
      { protocol: "UDP", port: 53 },
      { protocol: "TCP", port: 53 },
    ]);
  });
});

describe("the schema check refuses what the owners' schemas refuse", () => {
  it("a NetworkPolicy whose port protocol is not TCP, UDP or SCTP", () => {
    const [policy] = generatePolicy(PAYMENTS_SURFACE, "kubernetes").documents as {
      spec: { ingress: { ports?: { protocol: string }[] }[] };
    }[];
    const broken = structuredClone(policy!);
    broken.spec.ingress[0]!.ports = [{ protocol: "ICMP" }];
    expect(validateKubernetesDocument(broken, 0)).not.toEqual([]);
  });

  it("a CiliumNetworkPolicy with a CIDR that is not one", () => {
    const [policy] = generatePolicy(PAYMENTS_SURFACE, "cilium").documents as { spec: { ingress: Record<string, unknown>[] } }[];
    const broken = structuredClone(policy!);
    broken.spec.ingress.push({ fromCIDRSet: [{ cidr: "10.0.0.0/99" }] });
    expect(validateKubernetesDocument(broken, 4)).toEqual([
      expect.objectContaining({ document: 4, path: expect.stringContaining("/spec/ingress") }),
    ]);
  });

  it("an AuthorizationPolicy with an action Istio does not know", () => {
    const [policy] = generatePolicy(PAYMENTS_SURFACE, "istio").documents as { spec: { action: string } }[];
    expect(validateKubernetesDocument({ ...policy!, spec: { ...policy!.spec, action: "PERMIT" } }, 0)).not.toEqual([]);
  });

  it("a document of an unknown kind", () => {
    expect(validateKubernetesDocument({ apiVersion: "v1", kind: "ConfigMap" }, 2)).toEqual([
      { document: 2, path: "/kind", reason: expect.stringContaining("ConfigMap") },
    ]);
  });
});
