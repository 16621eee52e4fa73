import { describe, expect, it } from "vitest";
import { approvalByEditErrors, asProposal, withEditedApprovalsReproposed } from "./approval";
import { baseEdge, id } from "../test-fixtures";
import type { TMapOperation } from "./schemas";

const approved = baseEdge(10, 1, 2, { status: "APPROVED" });
const proposed = baseEdge(11, 1, 2, { status: "PROPOSED" });
const current = (edgeId: string) => [approved, proposed].find((edge) => edge.id === edgeId);

describe("map edits never approve a flow", () => {
  it("names every operation that would approve: a new approved flow, or setting a flow that is not approved to APPROVED", () => {
    const operations: TMapOperation[] = [
      { op: "createEdge", edge: { ...proposed, id: id(20), status: "APPROVED" } },
      { op: "updateEdge", id: proposed.id, version: 1, patch: { status: "APPROVED" } },
      { op: "updateEdge", id: approved.id, version: 1, patch: { status: "APPROVED", justification: "kept" } },
      { op: "createEdge", edge: { ...proposed, id: id(21), status: "OBSERVED" } },
      { op: "updateEdge", id: approved.id, version: 1, patch: { status: "DENIED" } },
    ];
    expect(approvalByEditErrors(operations, (edgeId) => current(edgeId)?.status).map((error) => error.path)).toEqual([
      "operations.0.edge.status",
      "operations.1.patch.status",
    ]);
  });

  it("re-proposes an approved flow whose content an edit changes, and leaves other edits alone", () => {
    const edits: TMapOperation[] = [
      { op: "updateEdge", id: approved.id, version: 1, patch: { ports: "1-65535" } },
      { op: "updateEdge", id: approved.id, version: 1, patch: { ports: approved.ports, justification: "same flow, better reason" } },
      { op: "updateEdge", id: approved.id, version: 1, patch: { encryption: "NONE", status: "DENIED" } },
      { op: "updateEdge", id: proposed.id, version: 1, patch: { ports: "22" } },
    ];
    const result = withEditedApprovalsReproposed(edits, current);
    expect(result.map((operation) => (operation.op === "updateEdge" ? operation.patch.status : null))).toEqual([
      "PROPOSED",
      undefined,
      "DENIED",
      undefined,
    ]);
  });

  it("a copied or restored approved flow is a proposal", () => {
    expect(asProposal(approved).status).toBe("PROPOSED");
    expect(asProposal(baseEdge(12, 1, 2, { status: "DENIED" })).status).toBe("DENIED");
  });
});
