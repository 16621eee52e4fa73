import { apiRoute } from "@/lib/api/route";
import { ZCreateServiceAccount } from "@/lib/tokens/schemas";
import { createServiceAccount, listServiceAccounts } from "@/lib/tokens/service-accounts";

export const GET = apiRoute({ permission: "admin.users", decision: true }, async ({ context }) => ({
  serviceAccounts: await listServiceAccounts(context),
}));

export const POST = apiRoute({ permission: "admin.users", decision: true, body: ZCreateServiceAccount }, async ({ context, body }) =>
  Response.json(await createServiceAccount(context, body), { status: 201 }),
);
