import { apiRoute } from "@/lib/api/route";
import { ZApiTokenListQuery, ZCreateApiToken } from "@/lib/tokens/schemas";
import { createApiToken, listApiTokens } from "@/lib/tokens/service";

export const GET = apiRoute({ permission: "admin.users", query: ZApiTokenListQuery }, async ({ context, query }) => ({
  tokens: await listApiTokens(context, query),
}));

export const POST = apiRoute({ permission: "admin.users", decision: true, body: ZCreateApiToken }, async ({ context, body }) =>
  Response.json(await createApiToken(context, body), { status: 201 }),
);
