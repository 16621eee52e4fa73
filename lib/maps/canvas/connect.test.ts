import { describe, expect, it } from "vitest";
import { connectTargets, newFlowOperation } from "./connect";
import { baseNode, id } from "../test-fixtures";

const zone = baseNode(1, { kind: "ZONE", label: "Cardholder zone" });
const vault = baseNode(2, { kind: "DATASTORE", label: "Card vault", zoneId: zone.id, addresses: ["10.0.0.5"] });
const portal = baseNode(3, { label: "Vault admin portal", identity: "spiffe://pay/admin" });
const staff = baseNode(4, { kind: "USER_GROUP", label: "Cashiers" });
const nodes = [zone, vault, portal, staff];

describe("connectTargets", () => {
  it("lists every other node by label, with its kind and zone", () => {
    expect(connectTargets(nodes, staff.id, "")).toEqual([
      { id: vault.id, label: "Card vault", detail: "Datastore · in Cardholder zone" },
      { id: zone.id, label: "Cardholder zone", detail: "Zone" },
      { id: portal.id, label: "Vault admin portal", detail: "Workload · spiffe://pay/admin" },
    ]);
  });

  it("finds nodes by any word typed, in any order and case, labels starting with it first", () => {
    expect(connectTargets(nodes, staff.id, "VAULT").map((target) => target.label)).toEqual(["Vault admin portal", "Card vault"]);
    expect(connectTargets(nodes, staff.id, "zone cardholder").map((target) => target.label)).toEqual(["Card vault", "Cardholder zone"]);
    expect(connectTargets(nodes, staff.id, "10.0.0").map((target) => target.label)).toEqual(["Card vault"]);
    expect(connectTargets(nodes, staff.id, "spiffe").map((target) => target.label)).toEqual(["Vault admin portal"]);
  });

  it("never offers the source itself, and nothing for a query no node matches", () => {
    expect(connectTargets(nodes, vault.id, "card").map((target) => target.id)).toEqual([zone.id]);
    expect(connectTargets(nodes, staff.id, "mainframe")).toEqual([]);
  });
});

describe("newFlowOperation", () => {
  it("starts a proposed flow, never an approved one", () => {
    expect(newFlowOperation(id(1), id(2), id(3))).toEqual({
      op: "createEdge",
      edge: { id: id(3), sourceId: id(1), targetId: id(2), protocol: "TCP", ports: "443", encryption: "TLS", status: "PROPOSED" },
    });
  });
});
