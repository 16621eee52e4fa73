import Link from "next/link";
import { requireActor } from "@/lib/auth/current";
import { pageContext } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { listAssessorCandidates } from "@/lib/maturity/service";
import { getDashboard } from "@/lib/overview/service";
import { Card, PageHeader } from "@/components/ui/card";
import { ObjectivesList } from "@/components/dashboard/objectives-list";
import { NewObjectiveForm } from "@/components/dashboard/new-objective-form";

export const metadata = { title: "Shared objectives" };

export default async function ObjectivesPage() {
  const actor = await requireActor("dashboard.read");
  const context = pageContext(actor);
  const [dashboard, leads] = await Promise.all([getDashboard(context), listAssessorCandidates(context)]);
  const metrics = [...dashboard.indicators, ...dashboard.kpis].map((metric) => ({
    key: metric.key,
    name: metric.name,
    value: metric.value,
  }));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/dashboard" className="text-accent hover:underline">
          ← Dashboard
        </Link>
      </p>
      <PageHeader
        title="Shared objectives"
        description="The program charter: each objective owned by a NetOps and a SecOps lead; progress is computed from the indicators and KPIs."
      />
      <Card className="mb-6">
        <ObjectivesList objectives={dashboard.objectives} />
      </Card>
      {can(actor, "metrics.write") && (
        <Card>
          <h2 className="mb-3 font-semibold">Add an objective</h2>
          <NewObjectiveForm leads={leads} metrics={metrics} />
        </Card>
      )}
    </>
  );
}
