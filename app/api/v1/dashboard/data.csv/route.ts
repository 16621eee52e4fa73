import { apiRoute } from "@/lib/api/route";
import { getDashboard } from "@/lib/overview/service";
import { dashboardToCsv } from "@/lib/overview/export-csv";

export const GET = apiRoute(
  { permission: "dashboard.read" },
  async ({ context }) =>
    new Response(dashboardToCsv(await getDashboard(context)), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="concord-dashboard-${new Date().toISOString().slice(0, 10)}.csv"`,
      },
    }),
);
