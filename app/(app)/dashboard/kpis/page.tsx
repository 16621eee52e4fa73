import Link from "next/link";
import { requireActor } from "@/lib/auth/current";
import { pageContext } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { listKpis } from "@/lib/metrics/kpis";
import { PageHeader } from "@/components/ui/card";
import { KpiManager } from "@/components/dashboard/kpi-manager";

export const metadata = { title: "External KPIs" };

export default async function KpisPage() {
  const actor = await requireActor("dashboard.read");
  const kpis = await listKpis(pageContext(actor));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/dashboard" className="text-accent hover:underline">
          ← Dashboard
        </Link>
      </p>
      <PageHeader
        title="External KPIs"
        description="Metrics Concord cannot see, fed by hand or by automation (POST /api/v1/metrics/{key} with an API token)."
      />
      <KpiManager initial={kpis} canWrite={can(actor, "metrics.write")} />
    </>
  );
}
