import { apiRoute } from "@/lib/api/route";
import { ZRuleSetReplay } from "@/lib/change-policy/schemas";
import { replayRuleSet } from "@/lib/change-policy/rules-service";

export const POST = apiRoute({ permission: "rule.read", body: ZRuleSetReplay }, async ({ context, body }) => replayRuleSet(context, body));
