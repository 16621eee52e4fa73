import { requireActor } from "@/lib/auth/current";
import { getProgramOverview } from "@/lib/overview/service";
import { Card, PageHeader } from "@/components/ui/card";

export const metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const actor = await requireActor("dashboard.read");
  const overview = await getProgramOverview({ actor, requestId: "page" });
  const figures = [
    { label: "Protect surfaces", value: overview.surfaces.total, detail: `${overview.surfaces.agreed} agreed by both teams` },
    { label: "Flows mapped", value: overview.flows.total, detail: `${overview.flows.approved} approved, ${overview.flows.observed} observed only` },
    { label: "Open changes", value: overview.changes.open, detail: `${overview.changes.inCab} waiting on the CAB` },
    { label: "People", value: overview.people.netops + overview.people.secops, detail: `${overview.people.netops} NetOps · ${overview.people.secops} SecOps` },
  ];
  return (
    <>
      <PageHeader title="Program overview" description="Where the joint Zero Trust program stands today." />
      <section aria-label="Program figures" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {figures.map((figure) => (
          <Card key={figure.label}>
            <p className="text-sm text-muted">{figure.label}</p>
            <p className="mt-1 text-3xl font-semibold tabular-nums">{figure.value}</p>
            <p className="mt-1 text-xs text-muted">{figure.detail}</p>
          </Card>
        ))}
      </section>
    </>
  );
}
