import Link from "next/link";
import { requireActor } from "@/lib/auth/current";
import { pageContext } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { listAssessments, listAssessorCandidates } from "@/lib/maturity/service";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { NewAssessmentForm } from "@/components/dashboard/new-assessment-form";

export const metadata = { title: "Maturity assessments" };

export default async function MaturityPage() {
  const actor = await requireActor("dashboard.read");
  const context = pageContext(actor);
  const [assessments, candidates] = await Promise.all([listAssessments(context), listAssessorCandidates(context)]);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/dashboard" className="text-accent hover:underline">
          ← Dashboard
        </Link>
      </p>
      <PageHeader
        title="Maturity assessments"
        description="CISA Zero Trust Maturity Model, scored jointly by a NetOps and a SecOps assessor; compare assessments over time."
      />
      {assessments.length === 0 ? (
        <EmptyState title="No assessments yet" description="Start one below: every function of the model, scored by both teams." />
      ) : (
        <Table>
          <caption className="sr-only">Assessments, newest first</caption>
          <thead>
            <tr>
              <Th>Assessment</Th>
              <Th>Date</Th>
              <Th>Assessors</Th>
              <Th>Agreed</Th>
              <Th>Disputed</Th>
              <Th>Overdue targets</Th>
            </tr>
          </thead>
          <tbody>
            {assessments.map((assessment) => (
              <tr key={assessment.id}>
                <Td>
                  <Link href={`/maturity/${assessment.id}`} className="font-medium text-accent hover:underline">
                    {assessment.title}
                  </Link>
                  <span className="block text-xs text-muted">{assessment.catalog.title}</span>
                </Td>
                <Td className="tabular-nums">{assessment.assessedOn}</Td>
                <Td>
                  <span className="text-netops">{assessment.netopsAssessor.name}</span> ·{" "}
                  <span className="text-secops">{assessment.secopsAssessor.name}</span>
                </Td>
                <Td className="tabular-nums">
                  {assessment.counts.agreed} / {assessment.counts.total}
                </Td>
                <Td>{assessment.counts.disputed > 0 ? <Badge tone="warning">{assessment.counts.disputed}</Badge> : "0"}</Td>
                <Td>{assessment.counts.overdue > 0 ? <Badge tone="danger">{assessment.counts.overdue}</Badge> : "0"}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {can(actor, "maturity.assess") && (
        <section aria-labelledby="new-assessment" className="mt-8 max-w-2xl">
          <h2 id="new-assessment" className="mb-3 font-semibold">
            New assessment
          </h2>
          <NewAssessmentForm candidates={candidates} />
        </section>
      )}
    </>
  );
}
