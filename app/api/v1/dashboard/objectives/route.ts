import { apiRoute } from "@/lib/api/route";
import { ZCreateObjective } from "@/lib/objectives/schemas";
import { createObjective } from "@/lib/objectives/service";
import { getDashboard } from "@/lib/overview/service";

/** Objectives with progress computed from the current indicators and KPIs. */
export const GET = apiRoute({ permission: "dashboard.read" }, async ({ context }) => ({
  objectives: (await getDashboard(context)).objectives,
}));

export const POST = apiRoute({ permission: "metrics.write", body: ZCreateObjective }, async ({ context, body }) =>
  Response.json(await createObjective(context, body), { status: 201 }),
);
