import { apiRoute } from "@/lib/api/route";
import { ZIdParams } from "@/lib/users/schemas";
import { revokeApiToken } from "@/lib/tokens/service";

export const DELETE = apiRoute({ permission: "admin.users", decision: true, params: ZIdParams }, async ({ context, params }) =>
  revokeApiToken(context, params.id),
);
