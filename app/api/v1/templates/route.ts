import { apiRoute } from "@/lib/api/route";
import { ZTemplateProposal } from "@/lib/change-policy/schemas";
import { listTemplates, proposeTemplate } from "@/lib/change-policy/templates-service";

export const GET = apiRoute({ permission: "rule.read" }, async ({ context }) => listTemplates(context));

export const POST = apiRoute({ permission: "rule.propose", body: ZTemplateProposal }, async ({ context, body }) =>
  Response.json(await proposeTemplate(context, body), { status: 201 }),
);
