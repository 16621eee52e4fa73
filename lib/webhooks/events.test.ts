import { describe, expect, it } from "vitest";
import { WEBHOOK_EVENT_TYPES, flowStatusChanges, isSubscribableEventType, subscriptionPatternsFor } from "./events";

describe("webhook event catalog", () => {
  it("lists the events of surfaces, flows, rules, templates and every change state", () => {
    expect(WEBHOOK_EVENT_TYPES).toEqual(
      expect.arrayContaining([
        "surface.agreed",
        "surface.reopened",
        "flow.status_changed",
        "rule.activated",
        "rule.retired",
        "template.activated",
        "template.retired",
        "policy.changed",
        "change.submitted",
        "change.verified",
        "change.rolled_back",
      ]),
    );
  });

  it("accepts known types, families and the catch-all, nothing else", () => {
    expect(isSubscribableEventType("change.approved")).toBe(true);
    expect(isSubscribableEventType("change.*")).toBe(true);
    expect(isSubscribableEventType("*")).toBe(true);
    expect(isSubscribableEventType("change.deleted")).toBe(false);
    expect(isSubscribableEventType("user.*")).toBe(false);
    expect(isSubscribableEventType("")).toBe(false);
  });

  it("routes an event to its exact type, its family and the catch-all", () => {
    expect(subscriptionPatternsFor("change.cab_review")).toEqual(["change.cab_review", "change.*", "*"]);
  });
});

describe("flow status changes of a map edit", () => {
  it("reports new flows and status edits, not other edits, deletions or nodes", () => {
    expect(
      flowStatusChanges([
        { kind: "edge.create", entityId: "a", before: null, after: { status: "OBSERVED" } },
        { kind: "edge.update", entityId: "b", before: { status: "OBSERVED", ports: "443" }, after: { status: "APPROVED", ports: "443" } },
        { kind: "edge.update", entityId: "c", before: { status: "DENIED", ports: "22" }, after: { status: "DENIED", ports: "2222" } },
        { kind: "edge.delete", entityId: "d", before: { status: "APPROVED" }, after: null },
        { kind: "node.update", entityId: "e", before: { status: "x" }, after: { status: "y" } },
      ]),
    ).toEqual([
      { flowId: "a", from: null, to: "OBSERVED" },
      { flowId: "b", from: "OBSERVED", to: "APPROVED" },
    ]);
  });
});
