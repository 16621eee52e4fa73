import { describe, expect, it } from "vitest";
import { APPROVAL_BY_EDIT_MESSAGE, MAP_EDIT_STATUSES, approvalByEditErrors, asProposal, withEditedApprovalsReproposed } from "./approval";
import { baseEdge, id } from "../test-fixtures";
import type { TEdgePatch, TMapEdge, TMapOperation } from "./schemas";

const approved = baseEdge(10, 1, 2, { status: "APPROVED", principal: "svc-orders", appProtocol: "HTTPS" });
const current = (edgeId: string) => (edgeId === approved.id ? approved : undefined);
const update = (patch: TEdgePatch, edgeId = approved.id): TMapOperation => ({ op: "updateEdge", id: edgeId, version: 1, patch });
const statusAfter = (patch: TEdgePatch) => {
  const [operation] = withEditedApprovalsReproposed([update(patch)], current);
  return operation?.op === "updateEdge" ? operation.patch.status : "not an update";
};

describe("what a map edit may set a flow to", () => {
  it("offers observed, proposed and denied, never approved", () => {
    expect(MAP_EDIT_STATUSES).toEqual(["OBSERVED", "PROPOSED", "DENIED"]);
  });

  it("explains the refusal with the two ways a flow is approved", () => {
    const errors = approvalByEditErrors([update({ status: "APPROVED" }, id(99))], () => "OBSERVED");
    expect(errors).toEqual([{ path: "operations.0.patch.status", message: APPROVAL_BY_EDIT_MESSAGE }]);
    expect(APPROVAL_BY_EDIT_MESSAGE).toBe(
      "cannot be set to APPROVED by editing the map: a verified change that approves the flow, or both owners' sign-off of the surface, approves it",
    );
  });

  it("refuses approving a flow the map does not know, and leaves operations on nodes alone", () => {
    const operations: TMapOperation[] = [{ op: "deleteEdge", id: approved.id, version: 1 }, update({ status: "APPROVED" }, id(98))];
    expect(approvalByEditErrors(operations, () => undefined)).toEqual([
      { path: "operations.1.patch.status", message: APPROVAL_BY_EDIT_MESSAGE },
    ]);
  });

  it("lets an edit observe, propose or deny a flow that is not approved, or change its other fields", () => {
    const operations: TMapOperation[] = [
      update({ status: "OBSERVED" }, id(97)),
      update({ status: "PROPOSED", ports: "22" }, id(97)),
      update({ status: "DENIED" }, id(97)),
      update({ justification: "still needed" }, id(97)),
      { op: "createEdge", edge: { ...approved, id: id(96), status: "PROPOSED" } },
    ];
    expect(approvalByEditErrors(operations, () => "PROPOSED")).toEqual([]);
  });
});

describe("an edit of an approved flow's content makes it a proposal again", () => {
  it("for each field the approval covers", () => {
    const changes: TEdgePatch[] = [
      { sourceId: id(3) },
      { targetId: id(3) },
      { protocol: "UDP" },
      { ports: "8443" },
      { appProtocol: "gRPC" },
      { principal: "svc-admin" },
      { encryption: "MTLS" },
      { authentication: "MFA" },
    ];
    for (const patch of changes) expect(statusAfter(patch), JSON.stringify(patch)).toBe("PROPOSED");
  });

  it("not for what the approval does not cover, nor for the same values", () => {
    expect(statusAfter({ justification: "better reason", ownerId: null })).toBeUndefined();
    expect(statusAfter({ protocol: approved.protocol, encryption: approved.encryption, principal: approved.principal })).toBeUndefined();
  });

  it("keeps the rest of the edit", () => {
    const [operation] = withEditedApprovalsReproposed([update({ ports: "8443", justification: "moved port" })], current);
    expect(operation).toEqual(update({ ports: "8443", justification: "moved port", status: "PROPOSED" }));
  });

  it("leaves flows that are not approved, unknown flows and other operations as they are", () => {
    const proposed: TMapEdge = { ...approved, id: id(12), status: "PROPOSED" };
    const operations: TMapOperation[] = [
      update({ ports: "22" }, proposed.id),
      update({ ports: "22" }, id(13)),
      { op: "deleteEdge", id: approved.id, version: 1 },
    ];
    const lookup = (edgeId: string) => (edgeId === proposed.id ? proposed : undefined);
    expect(withEditedApprovalsReproposed(operations, lookup)).toEqual(operations);
  });

  it("a copy keeps every other field", () => {
    const copy = asProposal(approved);
    expect(copy).toEqual({ ...approved, status: "PROPOSED" });
    const observed = { ...approved, status: "OBSERVED" as const };
    expect(asProposal(observed)).toBe(observed);
  });
});
