import { apiRoute } from "@/lib/api/route";
import { getDashboard } from "@/lib/overview/service";
import { renderDashboardPdf } from "@/lib/overview/report-pdf";

export const GET = apiRoute({ permission: "dashboard.read" }, async ({ context }) => {
  const pdf = await renderDashboardPdf(await getDashboard(context));
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="concord-report-${new Date().toISOString().slice(0, 10)}.pdf"`,
    },
  });
});
