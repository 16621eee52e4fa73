import Link from "next/link";
import { requireActor } from "@/lib/auth/current";
import { loadOr404, pageContext, requireUuidParam } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { getAssessment } from "@/lib/maturity/service";
import { Card, PageHeader } from "@/components/ui/card";
import { AssessmentEditor } from "@/components/dashboard/assessment-editor";
import { PillarChart } from "@/components/dashboard/pillar-chart";

export const metadata = { title: "Maturity assessment" };

export default async function AssessmentPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor("dashboard.read");
  const id = await requireUuidParam(params, "id");
  const assessment = await loadOr404(() => getAssessment(pageContext(actor), id));
  const role = !can(actor, "maturity.assess")
    ? null
    : actor.id === assessment.netopsAssessor.id
      ? "netops"
      : actor.id === assessment.secopsAssessor.id
        ? "secops"
        : null;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/maturity" className="text-accent hover:underline">
          ← Assessments
        </Link>
      </p>
      <PageHeader
        title={assessment.title}
        description={`${assessment.catalog.title}, assessed ${assessment.assessedOn} by ${assessment.netopsAssessor.name} (NetOps) and ${assessment.secopsAssessor.name} (SecOps). A function counts only when both agree.`}
      />
      <div className="mb-6 grid grid-cols-1 gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <h2 className="mb-2 font-semibold">By pillar</h2>
          <PillarChart
            pillars={assessment.pillars}
            previousTitle={assessment.previous ? `Previous (${assessment.previous.assessedOn})` : null}
          />
        </Card>
        <Card>
          <h2 className="mb-2 font-semibold">Summary</h2>
          <dl className="grid grid-cols-[1fr_auto] gap-y-1 text-sm">
            <dt className="text-muted">Agreed</dt>
            <dd className="tabular-nums">
              {assessment.counts.agreed} of {assessment.counts.total}
            </dd>
            <dt className="text-muted">Disputed</dt>
            <dd className="tabular-nums">{assessment.counts.disputed}</dd>
            <dt className="text-muted">Targets overdue</dt>
            <dd className="tabular-nums">{assessment.counts.overdue}</dd>
          </dl>
          {assessment.previous && (
            <p className="mt-3 text-sm text-muted">
              Compared with{" "}
              <Link href={`/maturity/${assessment.previous.id}`} className="text-accent underline underline-offset-2">
                {assessment.previous.title}
              </Link>{" "}
              ({assessment.previous.assessedOn}).
            </p>
          )}
          {!role && <p className="mt-3 text-sm text-muted">Read-only: only this assessment&apos;s two assessors score it.</p>}
        </Card>
      </div>
      <AssessmentEditor initial={assessment} role={role} />
    </>
  );
}
