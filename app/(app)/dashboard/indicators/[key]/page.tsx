import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/current";
import { pageContext } from "@/lib/auth/page";
import { detailLabelOf } from "@/lib/metrics/format";
import { findIndicator } from "@/lib/metrics/indicators";
import { getIndicatorDrilldown } from "@/lib/overview/service";
import { flowViewsFor } from "@/lib/overview/links";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { Sparkline } from "@/components/dashboard/sparkline";

type TProps = { params: Promise<{ key: string }> };

export async function generateMetadata({ params }: TProps) {
  const { key } = await params;
  return { title: findIndicator(decodeURIComponent(key))?.name ?? "Indicator" };
}

/** The records behind one figure of the dashboard. */
export default async function IndicatorPage({ params }: TProps) {
  const actor = await requireActor("dashboard.read");
  const key = decodeURIComponent((await params).key);
  if (!findIndicator(key)) notFound();
  const { indicator, rows } = await getIndicatorDrilldown(pageContext(actor), key);
  const columns = rows[0] ? Object.keys(rows[0].cells) : [];
  const flowViews = flowViewsFor(key);
  const counted = rows.filter((row) => row.counted).length;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/dashboard" className="text-accent hover:underline">
          ← Dashboard
        </Link>
      </p>
      <PageHeader title={indicator.name} description={indicator.formula} />
      <div className="mb-6 grid grid-cols-1 gap-4 md:grid-cols-3">
        <Card>
          <p className="text-sm text-muted">Now</p>
          <p className="text-3xl font-semibold tabular-nums">{indicator.display}</p>
          <p className="text-xs text-muted">{indicator.targetDisplay ? `Target ${indicator.targetDisplay}` : "No target set"}</p>
        </Card>
        <Card>
          <p className="mb-1 text-sm text-muted">Trend (weekly, last 12 months)</p>
          <Sparkline points={indicator.trend} target={indicator.target} label={`${indicator.name} trend`} />
        </Card>
        <Card>
          <p className="mb-1 text-sm text-muted">Evidence for</p>
          {indicator.ztmm.length === 0 ? (
            <p className="text-sm">No ZTMM function</p>
          ) : (
            <ul className="text-sm">
              {indicator.ztmm.map((fn) => (
                <li key={fn.key}>{fn.label}</li>
              ))}
            </ul>
          )}
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 text-xs text-muted">
            {Object.entries(indicator.detail).map(([name, value]) => (
              <div key={name} className="contents">
                <dt>{detailLabelOf(name)}</dt>
                <dd className="tabular-nums">{value ?? "—"}</dd>
              </div>
            ))}
          </dl>
        </Card>
      </div>
      {flowViews.length > 0 && (
        <nav aria-label="Open in the flows view" className="mb-4 flex flex-wrap gap-3 text-sm">
          {flowViews.map((view) => (
            <Link key={view.href} href={view.href} className="text-accent hover:underline">
              {view.label} in the flows view →
            </Link>
          ))}
        </nav>
      )}
      <h2 className="mb-2 font-semibold">
        Records behind this figure{" "}
        <span className="text-sm font-normal text-muted">
          ({counted} counted of {rows.length} shown)
        </span>
      </h2>
      {rows.length === 0 ? (
        <EmptyState
          title="No records yet"
          description="This figure is computed from whatever exists; once there are matching records they are listed here."
        />
      ) : (
        <Table>
          <caption className="sr-only">Records behind {indicator.name}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <Th key={column}>{column}</Th>
              ))}
              <Th>Counted</Th>
              <Th>
                <span className="sr-only">Open</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={`${row.entity}-${row.id}-${index}`}>
                {columns.map((column) => (
                  <Td key={column}>{row.cells[column]}</Td>
                ))}
                <Td>
                  {row.counted ? (
                    <Badge tone="accent">Counted</Badge>
                  ) : (
                    <span className="text-xs text-muted">{row.note || "Not counted"}</span>
                  )}
                </Td>
                <Td>
                  <Link href={row.href} className="text-accent hover:underline">
                    {row.entity === "flow" ? "Open flow map" : row.entity === "surface" ? "Open surface" : "Open change"}
                  </Link>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
