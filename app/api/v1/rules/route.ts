import { apiRoute } from "@/lib/api/route";
import { ZRuleProposal } from "@/lib/change-policy/schemas";
import { listRules, proposeRule } from "@/lib/change-policy/rules-service";

export const GET = apiRoute({ permission: "rule.read" }, async ({ context }) => listRules(context));

export const POST = apiRoute({ permission: "rule.propose", body: ZRuleProposal }, async ({ context, body }) =>
  Response.json(await proposeRule(context, body), { status: 201 }),
);
