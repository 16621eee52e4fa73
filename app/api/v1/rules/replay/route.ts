import { apiRoute } from "@/lib/api/route";
import { ZRuleSetReplay } from "@/lib/rules/schemas";
import { replayRuleSet } from "@/lib/rules/service";

export const POST = apiRoute({ permission: "rule.read", body: ZRuleSetReplay }, async ({ context, body }) => replayRuleSet(context, body));
