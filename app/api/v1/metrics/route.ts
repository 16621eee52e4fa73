import { apiRoute } from "@/lib/api/route";
import { ZCreateKpi } from "@/lib/metrics/schemas";
import { createKpi, listKpis } from "@/lib/metrics/kpis";

export const GET = apiRoute({ permission: "dashboard.read" }, async ({ context }) => ({ kpis: await listKpis(context) }));

export const POST = apiRoute({ permission: "metrics.write", body: ZCreateKpi }, async ({ context, body }) =>
  Response.json(await createKpi(context, body), { status: 201 }),
);
