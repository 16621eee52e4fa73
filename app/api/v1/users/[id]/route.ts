import { apiRoute } from "@/lib/api/route";
import { ZIdParams, ZUpdateUser } from "@/lib/users/schemas";
import { getUser, updateUser } from "@/lib/users/service";

export const GET = apiRoute({ permission: "admin.users", params: ZIdParams }, async ({ context, params }) => getUser(context, params.id));

export const PATCH = apiRoute(
  { permission: "admin.users", decision: true, params: ZIdParams, body: ZUpdateUser },
  async ({ context, params, body }) => updateUser(context, params.id, body),
);
