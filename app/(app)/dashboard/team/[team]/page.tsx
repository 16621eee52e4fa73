import { labelOf } from "@/lib/ui/labels";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/current";
import { pageContext } from "@/lib/auth/page";
import { getTeamDashboard } from "@/lib/overview/service";
import { changeHref, surfaceHref } from "@/lib/overview/links";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { MetricCard } from "@/components/dashboard/metric-card";

const TEAMS = { netops: { team: "NETOPS", label: "NetOps" }, secops: { team: "SECOPS", label: "SecOps" } } as const;

type TProps = { params: Promise<{ team: string }> };

export async function generateMetadata({ params }: TProps) {
  const team = TEAMS[(await params).team as keyof typeof TEAMS];
  return { title: team ? `${team.label} dashboard` : "Team dashboard" };
}

function Queue({ title, empty, children, count }: { title: string; empty: string; count: number; children: React.ReactNode }) {
  return (
    <Card>
      <h2 className="mb-2 font-semibold">
        {title} <span className="text-sm font-normal text-muted">({count})</span>
      </h2>
      {count === 0 ? <p className="text-sm text-muted">{empty}</p> : <ul className="space-y-1 text-sm">{children}</ul>}
    </Card>
  );
}

/** What waits on one team, beside the indicators both teams are measured on together. */
export default async function TeamDashboardPage({ params }: TProps) {
  const actor = await requireActor("dashboard.read");
  const entry = TEAMS[(await params).team as keyof typeof TEAMS];
  if (!entry) notFound();
  const data = await getTeamDashboard(pageContext(actor), entry.team);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/dashboard" className="text-accent hover:underline">
          ← Dashboard
        </Link>
      </p>
      <PageHeader title={`${entry.label} dashboard`} description={`What waits on ${entry.label}, and the indicators both teams share.`} />
      <div className="mb-6 grid gap-4 lg:grid-cols-3">
        <Queue
          title="Surfaces awaiting our sign-off"
          empty="No protect surface waits on this team's sign-off."
          count={data.surfacesAwaitingSignOff.length}
        >
          {data.surfacesAwaitingSignOff.map((surface) => (
            <li key={surface.id}>
              <Link href={surfaceHref(surface.id)} className="text-accent hover:underline">
                {surface.name}
              </Link>{" "}
              <span className="text-xs text-muted">
                v{surface.version} · {labelOf(surface.classification)}
              </span>
            </li>
          ))}
        </Queue>
        <Queue
          title="Changes awaiting our approval"
          empty="No change in CAB review waits on this team."
          count={data.changesAwaitingApproval.length}
        >
          {data.changesAwaitingApproval.map((change) => (
            <li key={change.id}>
              <Link href={changeHref(change.id)} className="text-accent hover:underline">
                #{change.number} {change.title}
              </Link>
            </li>
          ))}
        </Queue>
        <Queue
          title="Maturity functions to score"
          empty="Every function of the latest assessment carries this team's score, with no disputes."
          count={data.functionsToScore.length}
        >
          {data.functionsToScore.map((fn) => (
            <li key={fn.functionKey}>
              <Link href={`/maturity/${data.assessment!.id}#fn-${fn.functionKey}`} className="text-accent hover:underline">
                {fn.pillarLabel} · {fn.label}
              </Link>{" "}
              {fn.status === "disputed" ? <Badge tone="warning">Disputed</Badge> : <Badge>Not scored</Badge>}
            </li>
          ))}
        </Queue>
      </div>
      <h2 className="mb-3 font-semibold">Joint indicators</h2>
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {data.jointIndicators.map((metric) => (
          <MetricCard key={metric.key} metric={metric} />
        ))}
      </div>
    </>
  );
}
