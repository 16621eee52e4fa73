import Link from "next/link";
import { Download, FileText } from "lucide-react";
import { requireActor } from "@/lib/auth/current";
import { pageContext } from "@/lib/auth/page";
import { getDashboard } from "@/lib/overview/service";
import { DASHBOARD_DATA_CSV, DASHBOARD_REPORT_PDF, indicatorHref } from "@/lib/overview/links";
import { Button } from "@/components/ui/button";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { PillarChart } from "@/components/dashboard/pillar-chart";
import { MetricCard } from "@/components/dashboard/metric-card";
import { HeadlineToggle } from "@/components/dashboard/headline-toggle";
import { can } from "@/lib/auth/permissions";
import { HEADLINE_CAP } from "@/lib/metrics/headlines";
import { AttentionList } from "@/components/dashboard/attention-list";
import { ObjectivesList } from "@/components/dashboard/objectives-list";

export const metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const actor = await requireActor("dashboard.read");
  const dashboard = await getDashboard(pageContext(actor));
  const metrics = [...dashboard.indicators, ...dashboard.kpis];
  const headline = metrics.filter((metric) => metric.headline);
  const canChoose = can(actor, "metrics.write");
  const draft = dashboard.draftAssessment;
  const figures = [
    { label: "Protect surfaces", value: dashboard.counts.surfaces },
    { label: "Flows mapped", value: dashboard.counts.flows },
    { label: "Open changes", value: dashboard.counts.openChanges },
    { label: "Waiting on the CAB", value: dashboard.counts.inCab },
  ];
  return (
    <>
      <PageHeader
        title="Program dashboard"
        description="Are we getting safer, and are both teams doing it together?"
        actions={
          <>
            <Button asChild variant="secondary" size="sm">
              <a href={DASHBOARD_REPORT_PDF} download>
                <FileText className="size-4" aria-hidden="true" /> Export PDF
              </a>
            </Button>
            <Button asChild variant="secondary" size="sm">
              <a href={DASHBOARD_DATA_CSV} download>
                <Download className="size-4" aria-hidden="true" /> Export CSV
              </a>
            </Button>
          </>
        }
      />
      <nav aria-label="Dashboards" className="mb-6 flex flex-wrap gap-2 text-sm">
        <Badge tone="accent">Executive</Badge>
        <Link
          href="/dashboard/team/netops"
          className="rounded-full border border-netops/40 px-2 py-0.5 text-xs font-medium text-netops hover:bg-surface-2"
        >
          NetOps team
        </Link>
        <Link
          href="/dashboard/team/secops"
          className="rounded-full border border-secops/40 px-2 py-0.5 text-xs font-medium text-secops hover:bg-surface-2"
        >
          SecOps team
        </Link>
        <Link href="/maturity" className="rounded-full border border-border px-2 py-0.5 text-xs font-medium text-muted hover:bg-surface-2">
          Maturity assessments
        </Link>
        <Link
          href="/dashboard/kpis"
          className="rounded-full border border-border px-2 py-0.5 text-xs font-medium text-muted hover:bg-surface-2"
        >
          External KPIs
        </Link>
      </nav>

      <section aria-label="Program figures" className="mb-6 grid grid-cols-2 gap-3 lg:grid-cols-4">
        {figures.map((figure) => (
          <div key={figure.label} className="rounded-lg border border-border bg-surface px-4 py-3">
            <p className="text-xs text-muted">{figure.label}</p>
            <p className="text-xl font-semibold tabular-nums">{figure.value}</p>
          </div>
        ))}
      </section>

      <div className="mb-6 grid grid-cols-1 gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
            <h2 className="font-semibold">Maturity by pillar</h2>
            {dashboard.assessment && (
              <Link href={`/maturity/${dashboard.assessment.id}`} className="text-sm text-accent hover:underline">
                {dashboard.assessment.title} ({dashboard.assessment.assessedOn})
              </Link>
            )}
          </div>
          {draft && (
            <p className="mb-3 rounded-md border border-dashed border-border px-3 py-2 text-sm" data-testid="draft-assessment">
              Being scored:{" "}
              <Link href={`/maturity/${draft.id}`} className="text-accent underline underline-offset-2">
                {draft.title} ({draft.assessedOn})
              </Link>{" "}
              <span className="text-muted">
                · {draft.agreed} of {draft.total} functions agreed so far; charted once scored.
              </span>
            </p>
          )}
          {dashboard.assessment ? (
            <PillarChart
              pillars={dashboard.assessment.pillars}
              previousTitle={dashboard.assessment.previous ? `Previous (${dashboard.assessment.previous.assessedOn})` : null}
            />
          ) : (
            <EmptyState
              title={draft ? "No scored maturity assessment yet" : "No maturity assessment yet"}
              description="NetOps and SecOps assessors score the CISA ZTMM functions together."
              action={
                <Link href="/maturity" className="text-accent underline underline-offset-2">
                  {draft ? "Open the assessments" : "Start an assessment"}
                </Link>
              }
            />
          )}
        </Card>
        <Card>
          <h2 className="mb-3 font-semibold">Needs leadership attention</h2>
          <AttentionList attention={dashboard.attention} assessmentId={draft?.id ?? dashboard.assessment?.id ?? null} />
        </Card>
      </div>

      <section aria-labelledby="headline-heading" className="mb-6">
        <h2 id="headline-heading" className="mb-3 font-semibold">
          Headline indicators
        </h2>
        {headline.length === 0 ? (
          <EmptyState
            title="No headline indicators chosen"
            description="Star up to eight indicators or KPIs in the table below to show them here."
          />
        ) : (
          <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
            {headline.map((metric) => (
              <MetricCard key={metric.key} metric={metric} />
            ))}
          </div>
        )}
      </section>

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Card>
          <div className="mb-3 flex items-baseline justify-between gap-2">
            <h2 className="font-semibold">Shared objectives</h2>
            <Link href="/dashboard/objectives" className="text-sm text-accent hover:underline">
              Program charter
            </Link>
          </div>
          <ObjectivesList objectives={dashboard.objectives} />
        </Card>
        <section aria-labelledby="all-indicators-heading">
          <h2 id="all-indicators-heading" className="mb-3 font-semibold">
            Every indicator
          </h2>
          {canChoose && (
            <p className="mb-2 text-xs text-muted">Star an indicator or KPI to make it a headline card (at most {HEADLINE_CAP}).</p>
          )}
          <Table>
            <caption className="sr-only">Every indicator and external KPI, with its target</caption>
            <thead>
              <tr>
                <Th>Indicator</Th>
                <Th className="text-right">Now</Th>
                <Th className="text-right">Target</Th>
                <Th>
                  <span className="sr-only">Headline card</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {metrics.map((metric) => (
                <tr key={metric.key}>
                  <Td>
                    <Link
                      href={metric.source === "indicator" ? indicatorHref(metric.key) : `/dashboard/kpis#kpi-${metric.key}`}
                      title={metric.formula}
                      // Underlined, not told by colour alone: a KPI's row has text beside its link (axe link-in-text-block).
                      className="text-accent underline underline-offset-2"
                    >
                      {metric.name}
                    </Link>
                    {metric.source === "kpi" && <span className="ml-1 text-xs text-muted">(external KPI)</span>}
                  </Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">{metric.display}</Td>
                  <Td className="text-right whitespace-nowrap text-muted tabular-nums">{metric.targetDisplay ?? "—"}</Td>
                  <Td className="w-10 py-1">
                    {canChoose ? (
                      <HeadlineToggle metricKey={metric.key} name={metric.name} headline={metric.headline} />
                    ) : (
                      metric.headline && <span className="text-xs text-muted">Headline</span>
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </section>
      </div>
    </>
  );
}
