import { unzipSync, strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { NotFoundError } from "@/lib/errors";
import { createEdge, createNode } from "@/lib/maps/service";
import { ZCreateSurface } from "@/lib/surfaces/schemas";
import { createSurface, signOffSurface, submitSurface } from "@/lib/surfaces/service";
import { contextFor, createTestUser, uniqueSuffix } from "@/lib/test/factories";
import { getSurfacePolicy, getSurfacePolicyBundle } from "./service";

/** An agreed surface: a protected datastore, a client workload, one flow both owners agreed and one proposed after. */
async function agreedSurface() {
  const netops = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
  const secops = await createTestUser("SECOPS", ["CONTRIBUTOR"]);
  const surface = await createSurface(
    contextFor(netops),
    ZCreateSurface.parse({ name: `Ledger ${uniqueSuffix()}`, criticality: "HIGH", netopsOwnerId: netops.id, secopsOwnerId: secops.id, elements: [{ type: "DATA", name: "Ledger", classification: "RESTRICTED" }] }),
  );
  await submitSurface(contextFor(netops), surface.id);
  const ledger = await createNode(contextFor(netops), surface.id, { kind: "DATASTORE", label: "Ledger DB", labels: { app: "ledger-db", namespace: "finance" }, daasElementId: surface.elements[0]!.id });
  const app = await createNode(contextFor(netops), surface.id, { kind: "WORKLOAD", label: "Ledger app", labels: { app: "ledger", namespace: "finance" } });
  const agreedFlow = await createEdge(contextFor(netops), surface.id, { sourceId: app.id, targetId: ledger.id, protocol: "TCP", ports: "5432" });
  await signOffSurface(contextFor(netops), surface.id);
  const lateFlow = await createEdge(contextFor(secops), surface.id, { sourceId: app.id, targetId: ledger.id, protocol: "TCP", ports: "22" });
  const agreed = await signOffSurface(contextFor(secops), surface.id);
  return { netops, surface: agreed, agreedFlow, lateFlow };
}

describe("policy for a surface, from its jointly approved flows", () => {
  it("allows the flow both owners agreed, traced to that agreement, and nothing proposed after it", async () => {
    const { netops, surface, agreedFlow, lateFlow } = await agreedSurface();
    expect(surface.status).toBe("AGREED");
    const policy = await getSurfacePolicy(contextFor(netops), surface.id, "cilium");
    expect(policy.documents).toHaveLength(1);
    const [document] = policy.documents as { metadata: { namespace: string; annotations: Record<string, string> }; spec: { endpointSelector: unknown; ingress: unknown[] } }[];
    expect(document!.metadata.namespace).toBe("finance");
    expect(document!.metadata.annotations["concord.io/flows"]).toBe(agreedFlow.id);
    expect(document!.metadata.annotations["concord.io/approvals"]).toBe(`agreement of surface version ${surface.version}`);
    expect(document!.spec.endpointSelector).toEqual({ matchLabels: { app: "ledger-db" } });
    expect(document!.spec.ingress).toEqual([{ fromEndpoints: [{ matchLabels: { app: "ledger", "k8s:io.kubernetes.pod.namespace": "finance" } }], toPorts: [{ ports: [{ port: "5432", protocol: "TCP" }] }] }]);
    expect(policy.files.map((file) => file.content).join("")).not.toContain(lateFlow.id);
    expect(policy.flowLabels[agreedFlow.id]).toBe("Ledger app → Ledger DB TCP 5432");
  });

  it("bundles every target into one zip with a README naming what each target leaves out", async () => {
    const { netops, surface } = await agreedSurface();
    const bundle = await getSurfacePolicyBundle(contextFor(netops), surface.id, "all");
    const files = unzipSync(bundle.zip);
    const paths = Object.keys(files);
    expect(paths).toEqual(expect.arrayContaining(["README.md", expect.stringMatching(/^kubernetes\/.+\.yaml$/), expect.stringMatching(/^cilium\/.+\/kustomization\.yaml$/), expect.stringMatching(/^istio\//), expect.stringMatching(/^firewall\/.+\.csv$/), expect.stringMatching(/^aws\/.+\/ingress\.tf$/)]));
    const readme = strFromU8(files["README.md"]!);
    expect(readme).toContain("## aws");
    expect(readme).toContain("names no security group");
    expect(bundle.filename).toMatch(/^ledger-.+-all-policy\.zip$/);
  });

  it("answers 404 for a surface that does not exist, and refuses a caller who is not signed in", async () => {
    const viewer = await createTestUser("SECOPS", ["VIEWER"]);
    await expect(getSurfacePolicy(contextFor(viewer), "00000000-0000-4000-8000-000000000000", "kubernetes")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getSurfacePolicy(contextFor(null), "00000000-0000-4000-8000-000000000000", "kubernetes")).rejects.toMatchObject({ status: 403 });
  });
});
