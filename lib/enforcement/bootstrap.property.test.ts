/**
 * Round trip: the policy generated for any map, imported back as a map, generates the same
 * access (compared by coverage both ways, so ports merged into one flow count as the same). (Istio is left out: its rules name callers by namespace or principal, which cannot
 * say which pods they were, so a round trip is lossy by design.)
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareAccess, workloadKey, type TAccess } from "./access";
import { mapFromAccess } from "./bootstrap";
import { approvedAccess } from "./drift";
import type { TPolicySurface } from "./model";
import { surfaceArbitrary } from "./policy.arbitraries";

function surfaceFromAccess(access: TAccess[]): TPolicySurface {
  const { document } = mapFromAccess(access);
  const subjects = new Set(access.map((entry) => workloadKey(entry.subject)));
  const ids = new Map(document.nodes.map((node, index) => [node.id, `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`]));
  return {
    id: "00000000-0000-4000-8000-0000000000ff",
    name: "Round trip",
    nodes: document.nodes.map((node) => {
      const { namespace = "default", ...selector } = node.labels;
      return {
        id: ids.get(node.id)!,
        kind: node.kind,
        label: node.label,
        identity: node.identity,
        labels: node.labels,
        addresses: node.addresses,
        protected: node.kind === "WORKLOAD" && subjects.has(workloadKey({ namespace, selector })),
      };
    }),
    flows: document.edges.map((edge, index) => ({
      id: `00000000-0000-4000-9000-${String(index).padStart(12, "0")}`,
      sourceId: ids.get(edge.sourceId)!,
      targetId: ids.get(edge.targetId)!,
      protocol: edge.protocol,
      ports: edge.ports,
      appProtocol: "",
      principal: edge.principal,
      status: "APPROVED",
      approval: null,
    })),
  };
}

describe("generate → import → generate", () => {
  for (const target of ["kubernetes", "cilium"] as const) {
    it(`${target}: a map imported from generated policy generates the same access`, () => {
      fc.assert(
        fc.property(surfaceArbitrary, (surface) => {
          const first = approvedAccess(surface, target).access;
          const second = approvedAccess(surfaceFromAccess(first), target).access;
          // The same access: each side's entries fall inside the other's (ports merged into one flow may read as one wider entry).
          expect(compareAccess(first, second)).toEqual({ excess: [], missing: [] });
        }),
        { numRuns: 100 },
      );
    }, 120_000);
  }
});
