import { apiRoute } from "@/lib/api/route";
import { ZScoreParams, ZUpdateScore } from "@/lib/maturity/schemas";
import { updateScore } from "@/lib/maturity/service";

export const PUT = apiRoute(
  { permission: "maturity.assess", decision: true, params: ZScoreParams, body: ZUpdateScore },
  async ({ context, params, body }) => updateScore(context, params.id, params.functionKey, body),
);
