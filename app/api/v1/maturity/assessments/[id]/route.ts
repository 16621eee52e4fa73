import { apiRoute } from "@/lib/api/route";
import { ZAssessmentParams } from "@/lib/maturity/schemas";
import { getAssessment } from "@/lib/maturity/service";

export const GET = apiRoute({ permission: "dashboard.read", params: ZAssessmentParams }, async ({ context, params }) =>
  getAssessment(context, params.id),
);
