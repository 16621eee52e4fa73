import { apiRoute } from "@/lib/api/route";
import { ZCreateUser, ZUserListQuery } from "@/lib/users/schemas";
import { createUser, listUsers } from "@/lib/users/service";

export const GET = apiRoute({ permission: "admin.users", query: ZUserListQuery }, async ({ context, query }) => ({
  users: await listUsers(context, query),
}));

export const POST = apiRoute({ permission: "admin.users", decision: true, body: ZCreateUser }, async ({ context, body }) =>
  Response.json(await createUser(context, body), { status: 201 }),
);
