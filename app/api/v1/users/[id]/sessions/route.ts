import { apiRoute } from "@/lib/api/route";
import { ZIdParams } from "@/lib/users/schemas";
import { endUserSessions } from "@/lib/users/service";

export const DELETE = apiRoute({ permission: "admin.users", decision: true, params: ZIdParams }, async ({ context, params }) =>
  endUserSessions(context, params.id),
);
