import { apiRoute } from "@/lib/api/route";
import { ZSessionIdParams } from "@/lib/account/schemas";
import { revokeOwnSession } from "@/lib/account/sessions";

export const DELETE = apiRoute({ permission: "dashboard.read", params: ZSessionIdParams }, async ({ context, params }) =>
  revokeOwnSession(context, params.id),
);
