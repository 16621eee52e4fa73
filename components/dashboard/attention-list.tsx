import Link from "next/link";
import { AlertTriangle, CalendarClock, Scale, ShieldAlert } from "lucide-react";
import type { TAttention } from "@/lib/overview/service";
import { changeHref } from "@/lib/overview/links";
import { stageLabel } from "@/lib/maturity/catalog";

/** What needs a leader to step in: disagreements, missed targets, the CAB queue stalling. */
export function AttentionList({ attention, assessmentId }: { attention: TAttention; assessmentId: string | null }) {
  const total = attention.disputed.length + attention.overdue.length + attention.stalledCab.length + attention.policyDrift.length;
  if (total === 0)
    return (
      <p className="text-sm text-muted">
        Nothing needs leadership attention: no disputed scores, no overdue targets, no stalled CAB items.
      </p>
    );
  const scoreHref = (key: string) => (assessmentId ? `/maturity/${assessmentId}#fn-${key}` : "/maturity");
  return (
    <ul className="space-y-3 text-sm">
      {attention.disputed.map((item) => (
        <li key={`d-${item.functionKey}`} className="flex gap-2">
          <Scale className="mt-0.5 size-4 shrink-0 text-warning" aria-hidden="true" />
          <span>
            <Link href={scoreHref(item.functionKey)} className="font-medium text-accent hover:underline">
              {item.pillarLabel} · {item.label}
            </Link>{" "}
            is disputed: NetOps says {stageLabel(item.netopsStage as never)}, SecOps says {stageLabel(item.secopsStage as never)}.
          </span>
        </li>
      ))}
      {attention.overdue.map((item) => (
        <li key={`o-${item.functionKey}`} className="flex gap-2">
          <CalendarClock className="mt-0.5 size-4 shrink-0 text-danger" aria-hidden="true" />
          <span>
            <Link href={scoreHref(item.functionKey)} className="font-medium text-accent hover:underline">
              {item.pillarLabel} · {item.label}
            </Link>{" "}
            missed its target of {stageLabel(item.targetStage as never)} by {item.targetDate} (now{" "}
            {stageLabel(item.currentStage as never).toLowerCase()}).
          </span>
        </li>
      ))}
      {attention.stalledCab.map((item) => (
        <li key={`c-${item.changeId}`} className="flex gap-2">
          <AlertTriangle className="mt-0.5 size-4 shrink-0 text-warning" aria-hidden="true" />
          <span>
            <Link href={changeHref(item.changeId)} className="font-medium text-accent hover:underline">
              Change #{item.number} {item.title}
            </Link>{" "}
            has waited {item.days} days in CAB review.
          </span>
        </li>
      ))}
      {attention.policyDrift.map((item) => (
        <li key={`p-${item.surfaceId}-${item.target}`} className="flex gap-2">
          <ShieldAlert className="mt-0.5 size-4 shrink-0 text-danger" aria-hidden="true" />
          <span>
            <Link href={`/surfaces/${item.surfaceId}/policy?target=${item.target}`} className="font-medium text-accent hover:underline">
              {item.surfaceName}
            </Link>{" "}
            has run deployed {item.target} policy that differs from its approved flows for {item.days} days.
          </span>
        </li>
      ))}
    </ul>
  );
}
