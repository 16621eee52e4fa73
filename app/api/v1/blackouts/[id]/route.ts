import { apiRoute } from "@/lib/api/route";
import { ZIdParams } from "@/lib/users/schemas";
import { deleteBlackout } from "@/lib/change-policy/blackouts-service";

export const DELETE = apiRoute({ permission: "cab.manage", params: ZIdParams }, async ({ context, params }) =>
  deleteBlackout(context, params.id),
);
