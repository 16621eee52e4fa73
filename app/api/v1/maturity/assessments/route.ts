import { apiRoute } from "@/lib/api/route";
import { ZCreateAssessment } from "@/lib/maturity/schemas";
import { createAssessment, listAssessments } from "@/lib/maturity/service";

export const GET = apiRoute({ permission: "dashboard.read" }, async ({ context }) => ({ assessments: await listAssessments(context) }));

export const POST = apiRoute({ permission: "maturity.assess", body: ZCreateAssessment }, async ({ context, body }) =>
  Response.json(await createAssessment(context, body), { status: 201 }),
);
