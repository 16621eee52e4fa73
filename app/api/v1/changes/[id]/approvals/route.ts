import { apiRoute } from "@/lib/api/route";
import { ZChangeIdParams, ZVoteInput } from "@/lib/changes/schemas";
import { voteOnChange } from "@/lib/changes/workflow";

export const POST = apiRoute(
  { permission: "change.approve", decision: true, params: ZChangeIdParams, body: ZVoteInput },
  async ({ context, params, body }) => voteOnChange(context, params.id, body),
);
