import { describe, expect, it } from "vitest";
import { PAYMENTS_FLOWS, PAYMENTS_NODES, PAYMENTS_SURFACE } from "../test-fixtures";
import { applyProposedOperations, proposedFlowId } from "./apply";
import { diffFiles, diffPolicy, diffTarget, unifiedText } from "./diff";
import { previewImpact, type TObservedConnectionKind } from "./impact";

const n = PAYMENTS_NODES;
const CHANGE = { id: "11111111-1111-4111-8111-111111111111", number: 77 };
const tokeniserToVault = PAYMENTS_FLOWS[2]!;

describe("a change's operations applied to the surface policy reads", () => {
  it("adds an APPROVED flow traced to the change, modifies in place and removes", () => {
    const after = applyProposedOperations(
      PAYMENTS_SURFACE,
      [
        { id: "op-1", kind: "ADD", after: { sourceId: n.fraud.id, targetId: n.vault.id, protocol: "TCP", ports: "6379", appProtocol: "" } },
        {
          id: "op-2",
          kind: "MODIFY",
          edgeId: tokeniserToVault.id,
          after: { sourceId: "ignored", targetId: "ignored", protocol: "TCP", ports: "5433", appProtocol: "postgres" },
        },
        { id: "op-3", kind: "REMOVE", edgeId: PAYMENTS_FLOWS[3]!.id },
      ],
      CHANGE,
    );
    const byId = new Map(after.flows.map((flow) => [flow.id, flow]));
    expect(byId.get(proposedFlowId("op-1"))).toMatchObject({
      sourceId: n.fraud.id,
      targetId: n.vault.id,
      status: "APPROVED",
      approval: { kind: "change", changeId: CHANGE.id, changeNumber: 77 },
    });
    // A modification never moves a flow's ends (verification keeps them too).
    expect(byId.get(tokeniserToVault.id)).toMatchObject({
      sourceId: n.tokeniser.id,
      targetId: n.vault.id,
      ports: "5433",
      status: "APPROVED",
    });
    expect(byId.has(PAYMENTS_FLOWS[3]!.id)).toBe(false);
    expect(after.flows).toHaveLength(PAYMENTS_FLOWS.length);
    // The surface it started from is left as it was.
    expect(PAYMENTS_SURFACE.flows.find((flow) => flow.id === tokeniserToVault.id)?.ports).toBe("5432");
  });

  it("approves a PROPOSED flow it modifies, and ignores an operation on a flow no longer on the map", () => {
    const proposed = PAYMENTS_FLOWS[10]!;
    const after = applyProposedOperations(
      PAYMENTS_SURFACE,
      [
        { id: "m", kind: "MODIFY", edgeId: proposed.id, after: { ...proposed, ports: "8080" } },
        { id: "gone", kind: "REMOVE", edgeId: "not-on-the-map" },
      ],
      CHANGE,
    );
    expect(after.flows.find((flow) => flow.id === proposed.id)?.status).toBe("APPROVED");
    expect(after.flows).toHaveLength(PAYMENTS_FLOWS.length);
  });
});

describe("the policy diff of a change", () => {
  it("is empty on every target for a change that touches nothing", () => {
    for (const target of diffPolicy(PAYMENTS_SURFACE, PAYMENTS_SURFACE)) {
      expect(target.files).toEqual([]);
      expect(target.unchangedFiles).toBeGreaterThan(0);
      expect(target.error).toBeNull();
    }
  });

  it("shows the removed port as a removed line and the new one as an added line in the Cilium policy of the vault", () => {
    const after = applyProposedOperations(
      PAYMENTS_SURFACE,
      [{ id: "m", kind: "MODIFY", edgeId: tokeniserToVault.id, after: { ...tokeniserToVault, ports: "6432" } }],
      CHANGE,
    );
    const cilium = diffTarget(PAYMENTS_SURFACE, after, "cilium");
    const vault = cilium.files.find((file) => file.path.includes("card-vault"));
    expect(vault?.status).toBe("changed");
    const lines = vault!.hunks.flatMap((hunk) => hunk.lines);
    expect(lines).toContainEqual({ kind: "removed", text: expect.stringContaining('port: "5432"') });
    expect(lines).toContainEqual({ kind: "added", text: expect.stringContaining('port: "6432"') });
    // The trace names the change that approves it now.
    expect(lines).toContainEqual({ kind: "added", text: expect.stringContaining("CHG-77") });
    expect(vault!.added).toBe(lines.filter((line) => line.kind === "added").length);
    const text = unifiedText(vault!);
    expect(text).toMatch(/^--- a\/cilium\/.*\n\+\+\+ b\/cilium\//);
    expect(text).toContain("\n-");
  });

  it("shows a removed flow as one removed row of the firewall table, not every later rule renumbered", () => {
    const after = applyProposedOperations(PAYMENTS_SURFACE, [{ id: "r", kind: "REMOVE", edgeId: PAYMENTS_FLOWS[0]!.id }], CHANGE);
    const [table] = diffTarget(PAYMENTS_SURFACE, after, "firewall").files;
    expect(table).toMatchObject({ status: "changed", added: 0, removed: 1 });
    expect(table!.hunks.flatMap((hunk) => hunk.lines).find((line) => line.kind === "removed")?.text).toContain(PAYMENTS_FLOWS[0]!.id);
  });

  it("reads the same diff again for the same surfaces, and never an earlier surface's diff for an edited one", () => {
    const narrowed = (ports: string) =>
      applyProposedOperations(
        PAYMENTS_SURFACE,
        [{ id: "m", kind: "MODIFY", edgeId: tokeniserToVault.id, after: { ...tokeniserToVault, ports } }],
        CHANGE,
      );
    const first = diffTarget(PAYMENTS_SURFACE, narrowed("6432"), "cilium");
    expect(diffTarget(PAYMENTS_SURFACE, narrowed("6432"), "cilium")).toEqual(first);
    const edited = diffTarget(PAYMENTS_SURFACE, narrowed("7432"), "cilium");
    const added = edited.files.flatMap((file) => file.hunks.flatMap((hunk) => hunk.lines)).filter((line) => line.kind === "added");
    expect(added).toContainEqual({ kind: "added", text: expect.stringContaining('port: "7432"') });
    expect(JSON.stringify(edited)).not.toContain('"6432"');
    // A renamed surface is new content too: its files carry the new name.
    const renamed = diffTarget({ ...PAYMENTS_SURFACE, name: "Renamed" }, { ...narrowed("6432"), name: "Renamed" }, "cilium");
    expect(JSON.stringify(renamed)).toContain("Renamed");
  });

  it("reports a file the change creates or deletes, and flows a target newly cannot express", () => {
    const tcpToFraud = applyProposedOperations(
      PAYMENTS_SURFACE,
      [{ id: "udp", kind: "ADD", after: { sourceId: n.api.id, targetId: n.fraud.id, protocol: "UDP", ports: "514", appProtocol: "" } }],
      CHANGE,
    );
    const istio = diffTarget(PAYMENTS_SURFACE, tcpToFraud, "istio");
    expect(istio.newlyUnsupported.map((entry) => entry.flowId)).toEqual([proposedFlowId("udp")]);
    expect(istio.noLongerUnsupported).toEqual([]);
    expect(
      diffFiles([{ path: "a.yaml", content: "x\n" }], [{ path: "b.yaml", content: "y\n" }]).files.map((file) => [file.path, file.status]),
    ).toEqual([
      ["a.yaml", "removed"],
      ["b.yaml", "added"],
    ]);
  });
});

describe("the impact preview of a change on observed traffic", () => {
  const endpoints = new Map();
  const kind = (
    sourceKey: string,
    destinationKey: string,
    destinationPort: number,
    connections: number,
    protocol = "TCP",
  ): TObservedConnectionKind => ({
    sourceKey,
    destinationKey,
    protocol,
    destinationPort,
    connections,
  });
  const tokeniser = "k8s:payments/app=tokeniser";
  const vault = "k8s:payments/app=pan-vault";
  const observed = [
    kind(tokeniser, vault, 5432, 900),
    kind("ip:10.100.4.5", "k8s:payments/app=payment-api", 443, 40),
    kind("ip:10.101.1.1", "k8s:payments/app=pan-vault", 22, 3),
    kind("ip:198.51.100.1", "ip:198.51.100.2", 80, 11),
  ];

  it("counts traffic a removal cuts off as newly dropped, with the busiest examples", () => {
    const after = applyProposedOperations(PAYMENTS_SURFACE, [{ id: "r", kind: "REMOVE", edgeId: tokeniserToVault.id }], CHANGE);
    const impact = previewImpact({
      nodes: PAYMENTS_SURFACE.nodes,
      before: PAYMENTS_SURFACE.flows,
      after: after.flows,
      observed,
      endpoints,
    });
    expect(impact.newlyDropped).toEqual({
      connections: 900,
      kinds: 1,
      examples: [{ source: "Tokeniser", destination: "Card vault", protocol: "TCP", port: 5432, connections: 900 }],
    });
    expect(impact.newlyAllowed.connections).toBe(0);
    // Staff → API stays allowed, laptops → vault SSH stays dropped, traffic between unknown hosts is no policy's business.
    expect(impact.unchanged).toEqual({ connections: 54, kinds: 3, allowed: 51, dropped: 3 });
  });

  it("counts traffic an added flow lets through as newly allowed, and nothing as dropped", () => {
    const after = applyProposedOperations(
      PAYMENTS_SURFACE,
      [{ id: "ssh", kind: "ADD", after: { sourceId: n.laptops.id, targetId: n.vault.id, protocol: "TCP", ports: "22", appProtocol: "" } }],
      CHANGE,
    );
    const impact = previewImpact({
      nodes: PAYMENTS_SURFACE.nodes,
      before: PAYMENTS_SURFACE.flows,
      after: after.flows,
      observed,
      endpoints,
    });
    expect(impact.newlyAllowed).toMatchObject({
      connections: 3,
      kinds: 1,
      examples: [{ source: "Managed laptops", destination: "Card vault", port: 22 }],
    });
    expect(impact.newlyDropped).toEqual({ connections: 0, kinds: 0, examples: [] });
  });

  it("drops traffic a narrowed port range no longer covers, and keeps what it still covers", () => {
    const after = applyProposedOperations(
      PAYMENTS_SURFACE,
      [{ id: "m", kind: "MODIFY", edgeId: tokeniserToVault.id, after: { ...tokeniserToVault, ports: "6432" } }],
      CHANGE,
    );
    const impact = previewImpact({
      nodes: PAYMENTS_SURFACE.nodes,
      before: PAYMENTS_SURFACE.flows,
      after: after.flows,
      observed: [kind(tokeniser, vault, 5432, 5), kind(tokeniser, vault, 6432, 7)],
      endpoints,
    });
    expect(impact.newlyDropped.connections).toBe(5);
    expect(impact.newlyAllowed.connections).toBe(7);
    expect(impact.unchanged.connections).toBe(0);
  });

  it("treats a proposed or denied flow as no permission, before and after", () => {
    const proposed = PAYMENTS_FLOWS[10]!; // staff → api 8080, PROPOSED
    const impact = previewImpact({
      nodes: PAYMENTS_SURFACE.nodes,
      before: PAYMENTS_SURFACE.flows,
      after: PAYMENTS_SURFACE.flows.map((flow) => (flow.id === proposed.id ? { ...flow, status: "DENIED" as const } : flow)),
      observed: [kind("ip:10.100.4.5", "k8s:payments/app=payment-api", 8080, 9)],
      endpoints,
    });
    expect(impact.unchanged).toEqual({ connections: 9, kinds: 1, allowed: 0, dropped: 9 });
  });
});
