import Link from "next/link";
import { Info } from "lucide-react";
import { Badge, Card } from "@/components/ui/card";
import type { TMetricView } from "@/lib/overview/service";
import { indicatorHref } from "@/lib/overview/links";
import { Sparkline } from "./sparkline";

/** A headline figure: value, target, trend and (on hover or focus) the exact formula. */
export function MetricCard({ metric }: { metric: TMetricView }) {
  const target = metric.targetDisplay;
  const formulaId = `formula-${metric.key.replace(/[^a-z0-9]/gi, "-")}`;
  const body = (
    <>
      <div className="flex items-start justify-between gap-2">
        <h3 className="text-sm font-medium text-muted">{metric.name}</h3>
        <span title={metric.formula} className="shrink-0 text-muted" aria-hidden="true">
          <Info className="size-4" />
        </span>
      </div>
      <p id={formulaId} className="sr-only">
        Formula: {metric.formula}
      </p>
      <div className="mt-1 flex items-baseline gap-2">
        <p className="text-2xl font-semibold tabular-nums">{metric.display}</p>
        {metric.meetsTarget === true && <Badge tone="success">On target</Badge>}
        {metric.meetsTarget === false && <Badge tone="warning">Off target</Badge>}
      </div>
      <p className="text-xs text-muted">{target ? `Target ${target}` : "No target set"}</p>
      <div className="mt-2">
        <Sparkline points={metric.trend} target={metric.target} label={`${metric.name} trend`} />
      </div>
    </>
  );
  return (
    <Card className="flex flex-col" title={metric.formula}>
      <Link
        href={metric.source === "indicator" ? indicatorHref(metric.key) : `/dashboard/kpis#kpi-${metric.key}`}
        aria-describedby={formulaId}
        className="-m-4 rounded-lg p-4 hover:bg-surface-2"
      >
        {body}
      </Link>
    </Card>
  );
}
