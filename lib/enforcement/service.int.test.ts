import { unzipSync, strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { NotFoundError } from "@/lib/errors";
import { createEdge, createNode } from "@/lib/maps/service";
import { ZCreateSurface } from "@/lib/surfaces/schemas";
import { createSurface, signOffSurface, submitSurface } from "@/lib/surfaces/service";
import { contextFor, createTestUser, uniqueSuffix } from "@/lib/test/factories";
import { db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { toYamlDocuments } from "./generate";
import { bootstrapFromPolicy, checkPolicyDrift, getSurfacePolicy, getSurfacePolicyBundle } from "./service";

/** An agreed surface: a protected datastore, a client workload, one flow both owners agreed and one proposed after. */
async function agreedSurface() {
  const netops = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
  const secops = await createTestUser("SECOPS", ["CONTRIBUTOR"]);
  const surface = await createSurface(
    contextFor(netops),
    ZCreateSurface.parse({
      name: `Ledger ${uniqueSuffix()}`,
      criticality: "HIGH",
      netopsOwnerId: netops.id,
      secopsOwnerId: secops.id,
      elements: [{ type: "DATA", name: "Ledger", classification: "RESTRICTED" }],
    }),
  );
  await submitSurface(contextFor(netops), surface.id);
  const ledger = await createNode(contextFor(netops), surface.id, {
    kind: "DATASTORE",
    label: "Ledger DB",
    labels: { app: "ledger-db", namespace: "finance" },
    daasElementId: surface.elements[0]!.id,
  });
  const app = await createNode(contextFor(netops), surface.id, {
    kind: "WORKLOAD",
    label: "Ledger app",
    labels: { app: "ledger", namespace: "finance" },
  });
  const agreedFlow = await createEdge(contextFor(netops), surface.id, {
    sourceId: app.id,
    targetId: ledger.id,
    protocol: "TCP",
    ports: "5432",
  });
  await signOffSurface(contextFor(netops), surface.id);
  const lateFlow = await createEdge(contextFor(secops), surface.id, {
    sourceId: app.id,
    targetId: ledger.id,
    protocol: "TCP",
    ports: "22",
  });
  const agreed = await signOffSurface(contextFor(secops), surface.id);
  return { netops, surface: agreed, agreedFlow, lateFlow };
}

describe("policy for a surface, from its jointly approved flows", () => {
  it("allows the flow both owners agreed, traced to that agreement, and nothing proposed after it", async () => {
    const { netops, surface, agreedFlow, lateFlow } = await agreedSurface();
    expect(surface.status).toBe("AGREED");
    const policy = await getSurfacePolicy(contextFor(netops), surface.id, "cilium");
    expect(policy.documents).toHaveLength(1);
    const [document] = policy.documents as {
      metadata: { namespace: string; annotations: Record<string, string> };
      spec: { endpointSelector: unknown; ingress: unknown[] };
    }[];
    expect(document!.metadata.namespace).toBe("finance");
    expect(document!.metadata.annotations["concord.io/flows"]).toBe(agreedFlow.id);
    expect(document!.metadata.annotations["concord.io/approvals"]).toBe(`agreement of surface version ${surface.version}`);
    expect(document!.spec.endpointSelector).toEqual({ matchLabels: { app: "ledger-db" } });
    expect(document!.spec.ingress).toEqual([
      {
        fromEndpoints: [{ matchLabels: { app: "ledger", "k8s:io.kubernetes.pod.namespace": "finance" } }],
        toPorts: [{ ports: [{ port: "5432", protocol: "TCP" }] }],
      },
    ]);
    expect(policy.files.map((file) => file.content).join("")).not.toContain(lateFlow.id);
    expect(policy.flowLabels[agreedFlow.id]).toBe("Ledger app → Ledger DB TCP 5432");
  });

  it("bundles every target into one zip with a README naming what each target leaves out", async () => {
    const { netops, surface } = await agreedSurface();
    const bundle = await getSurfacePolicyBundle(contextFor(netops), surface.id, "all");
    const files = unzipSync(bundle.zip);
    const paths = Object.keys(files);
    expect(paths).toEqual(
      expect.arrayContaining([
        "README.md",
        expect.stringMatching(/^kubernetes\/.+\.yaml$/),
        expect.stringMatching(/^cilium\/.+\/kustomization\.yaml$/),
        expect.stringMatching(/^istio\//),
        expect.stringMatching(/^firewall\/.+\.csv$/),
        expect.stringMatching(/^aws\/.+\/ingress\.tf$/),
      ]),
    );
    const readme = strFromU8(files["README.md"]!);
    expect(readme).toContain("## aws");
    expect(readme).toContain("names no security group");
    expect(bundle.filename).toMatch(/^ledger-.+-all-policy\.zip$/);
  });

  it("answers 404 for a surface that does not exist, and refuses a caller who is not signed in", async () => {
    const viewer = await createTestUser("SECOPS", ["VIEWER"]);
    await expect(getSurfacePolicy(contextFor(viewer), "00000000-0000-4000-8000-000000000000", "kubernetes")).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(getSurfacePolicy(contextFor(null), "00000000-0000-4000-8000-000000000000", "kubernetes")).rejects.toMatchObject({
      status: 403,
    });
  });
});

describe("deployed policy against the approved flows", () => {
  it("reports no drift for the generated policy, and excess for a rule nobody approved", async () => {
    const { netops, surface } = await agreedSurface();
    const generated = await getSurfacePolicy(contextFor(netops), surface.id, "kubernetes");
    const clean = await checkPolicyDrift(contextFor(netops), surface.id, {
      target: "kubernetes",
      policy: toYamlDocuments(generated.documents),
    });
    expect(clean).toMatchObject({ excess: [], missing: [], unselected: [] });

    const [policy] = structuredClone(generated.documents) as { spec: { ingress: unknown[] } }[];
    policy!.spec.ingress.push({ from: [{ ipBlock: { cidr: "0.0.0.0/0" } }], ports: [{ protocol: "TCP", port: 22 }] });
    const drift = await checkPolicyDrift(contextFor(netops), surface.id, { target: "kubernetes", policy: toYamlDocuments([policy]) });
    expect(drift.excess.map((entry) => entry.description)).toEqual(["cidr:0.0.0.0/0 → finance/app=ledger-db TCP port 22"]);
    expect(drift.missing).toEqual([]);
  });

  it("refuses a file it cannot read with a 400 naming each document, and stores nothing", async () => {
    const { netops, surface } = await agreedSurface();
    const before = await db.auditEvent.count();
    const error = await checkPolicyDrift(contextFor(netops), surface.id, {
      target: "cilium",
      policy: "kind: CiliumNetworkPolicy\nspec: a: b\n---\napiVersion: v1\nkind: Secret\n",
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toEqual([
      { path: "policy.documents.0", message: expect.stringContaining("is not valid YAML") },
      { path: "policy.documents.1.kind", message: expect.stringContaining("Secret") },
    ]);
    expect(await db.auditEvent.count()).toBe(before);
  });
});

describe("bootstrap from deployed policy", () => {
  it("imports what a deployed NetworkPolicy allows as PROPOSED flows, never APPROVED, and skips allow-all rules", async () => {
    const netops = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    const secops = await createTestUser("SECOPS", ["CONTRIBUTOR"]);
    const surface = await createSurface(
      contextFor(netops),
      ZCreateSurface.parse({
        name: `Shop ${uniqueSuffix()}`,
        criticality: "HIGH",
        netopsOwnerId: netops.id,
        secopsOwnerId: secops.id,
        elements: [],
      }),
    );
    const deployed = {
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: { name: "web", namespace: "shop" },
      spec: {
        podSelector: { matchLabels: { app: "web" } },
        policyTypes: ["Ingress"],
        ingress: [
          {
            from: [{ ipBlock: { cidr: "10.0.0.0/8" } }],
            ports: [
              { protocol: "TCP", port: 443 },
              { protocol: "TCP", port: 80 },
            ],
          },
          { ports: [{ protocol: "TCP", port: 9090 }] },
        ],
      },
    };
    const result = await bootstrapFromPolicy(contextFor(netops), surface.id, toYamlDocuments([deployed]));
    expect(result.skipped).toEqual(["any → shop/app=web TCP port 9090"]);
    const map = await db.flowMap.findUniqueOrThrow({ where: { surfaceId: surface.id }, include: { nodes: true, edges: true } });
    expect(map.nodes.map((node) => [node.kind, node.label]).sort()).toEqual([
      ["EXTERNAL", "10.0.0.0/8"],
      ["WORKLOAD", "web (shop)"],
    ]);
    expect(map.edges.map((edge) => ({ status: edge.status, protocol: edge.protocol, ports: edge.ports }))).toEqual([
      { status: "PROPOSED", protocol: "TCP", ports: "80,443" },
    ]);
    expect(map.nodes.find((node) => node.kind === "WORKLOAD")!.labels).toEqual({ app: "web", namespace: "shop" });
  });

  it("is refused to a viewer, writing nothing", async () => {
    const viewer = await createTestUser("SECOPS", ["VIEWER"]);
    const { surface } = await agreedSurface();
    const edgesBefore = await db.flowEdge.count();
    await expect(bootstrapFromPolicy(contextFor(viewer), surface.id, "kind: List\nitems: []\n")).rejects.toMatchObject({ status: 403 });
    expect(await db.flowEdge.count()).toBe(edgesBefore);
  });
});
