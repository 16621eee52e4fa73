import { CHANGE_STATES } from "@/lib/changes/lifecycle";

/**
 * Every event Concord announces to webhook subscribers. Services emit them with `enqueueEvent`
 * inside the transaction that makes the change, so an event is sent if and only if it happened.
 * A new event is one entry here plus one `enqueueEvent` line where it happens.
 */
export const WEBHOOK_EVENTS = {
  "surface.agreed": "A protect surface version was signed off by both teams",
  "surface.reopened": "An agreed protect surface went back to review as a new version",
  "flow.status_changed": "A flow's status changed (observed, proposed, approved, denied); `from` is null for a new flow",
  "rule.activated": "A classification rule was approved by both teams and is now active",
  "rule.retired": "A classification rule was retired by both teams",
  "template.activated": "A standard-change template was approved by both teams and is now active",
  "template.retired": "A standard-change template was retired",
  "policy.changed":
    "A verified change altered a surface's flows: the surface's new policy for every target (files, documents, flows a target cannot express)",
  ...Object.fromEntries(CHANGE_STATES.map((state) => [`change.${state.toLowerCase()}`, `A change moved to ${state}`])),
} as Record<string, string>;

export const WEBHOOK_EVENT_TYPES = Object.keys(WEBHOOK_EVENTS).sort();

/** What a subscription may list: an event type, a whole family (`change.*`) or everything (`*`). */
export const WEBHOOK_EVENT_FAMILIES = [...new Set(WEBHOOK_EVENT_TYPES.map((type) => `${type.split(".")[0]}.*`))].sort();

export function isSubscribableEventType(value: string): boolean {
  return value === "*" || WEBHOOK_EVENT_FAMILIES.includes(value) || value in WEBHOOK_EVENTS;
}

/** The subscription entries that receive `eventType`: itself, its family and the catch-all. */
export function subscriptionPatternsFor(eventType: string): string[] {
  return [eventType, `${eventType.split(".")[0]}.*`, "*"];
}

type TEdgeChange = { kind: string; entityId: string; before: unknown; after: unknown };

function statusOf(snapshot: unknown): string | null {
  return snapshot !== null && typeof snapshot === "object" && "status" in snapshot && typeof snapshot.status === "string"
    ? snapshot.status
    : null;
}

/** The flows whose status an edit changed (a new flow counts, from null); deleted flows do not. */
export function flowStatusChanges(changes: readonly TEdgeChange[]): Array<{ flowId: string; from: string | null; to: string }> {
  return changes.flatMap((change) => {
    if (!change.kind.startsWith("edge.")) return [];
    const from = statusOf(change.before);
    const to = statusOf(change.after);
    return to !== null && to !== from ? [{ flowId: change.entityId, from, to }] : [];
  });
}
