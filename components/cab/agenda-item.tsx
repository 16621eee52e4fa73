"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { Badge, Card } from "@/components/ui/card";
import { RiskBadge, StateBadge, TrackBadge } from "@/components/changes/badges";
import { describeFlow } from "@/components/changes/describe-flow";
import { FlowDiffCanvas } from "@/components/changes/flow-diff-canvas";
import type { TMeetingItem } from "@/lib/cab/service";

function FlowDiffSection({ item }: { item: TMeetingItem }) {
  return (
    <section aria-labelledby={`flow-diff-${item.id}`}>
      <h3 id={`flow-diff-${item.id}`} className="text-sm font-medium">
        Flow diff
      </h3>
      <ul className="mt-1 grid gap-1 text-sm" aria-label="Flow diff">
        {item.change.operations.map((operation) => (
          <li key={operation.id} className="rounded-md bg-surface-2 px-2 py-1">
            <Badge tone={operation.kind === "ADD" ? "warning" : operation.kind === "REMOVE" ? "success" : "accent"}>
              {operation.kind === "ADD" ? "Opens" : operation.kind === "REMOVE" ? "Closes" : "Changes"}
            </Badge>{" "}
            {operation.before && operation.kind !== "ADD" && (
              <span className="text-muted line-through">{describeFlow(operation.before)}</span>
            )}{" "}
            {operation.after && describeFlow(operation.after)}
          </li>
        ))}
      </ul>
      <div className="mt-3">
        <FlowDiffCanvas change={item.change} />
      </div>
    </section>
  );
}

function WhyHereSection({ item }: { item: TMeetingItem }) {
  return (
    <section aria-labelledby={`why-${item.id}`}>
      <h3 id={`why-${item.id}`} className="text-sm font-medium">
        Why it is here
      </h3>
      <ul className="mt-1 list-disc pl-5 text-sm">
        {(item.change.classification?.matched ?? []).map((hit) => (
          <li key={hit.ruleId}>
            {hit.name}
            {hit.decidedTrack ? " (decided the track)" : ""}
          </li>
        ))}
        {item.change.emergencyReason && <li>Emergency: {item.change.emergencyReason}</li>}
      </ul>
    </section>
  );
}

/**
 * One agenda item as the room discusses it: the change, what it opens or closes, why it is here.
 * `panels` are further sections about the change (such as the policy it would change), shown
 * between the flow diff and the reasons; each is a self-contained component given the change.
 */
export function AgendaItem({ item, navigation, panels }: { item: TMeetingItem; navigation: ReactNode; panels?: ReactNode }) {
  return (
    <Card className="grid gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-lg font-semibold">
          <Link href={`/changes/${item.change.id}`} className="hover:underline">
            #{item.change.number} {item.change.title}
          </Link>
        </h2>
        {navigation}
      </div>
      <div className="flex flex-wrap gap-2">
        <StateBadge state={item.change.state} />
        <TrackBadge track={item.change.track} />
        <RiskBadge score={item.change.riskScore} />
        {item.retrospective && <Badge tone="danger">Emergency — reviewed afterwards</Badge>}
      </div>
      <p className="text-sm text-muted">
        Requested by {item.change.requester.name} · {item.change.surfaces.map((surface) => surface.name).join(", ")}
      </p>
      <FlowDiffSection item={item} />
      {panels}
      <WhyHereSection item={item} />
    </Card>
  );
}
