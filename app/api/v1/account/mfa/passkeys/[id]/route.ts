import { apiRoute } from "@/lib/api/route";
import { ZPasskeyParams } from "@/lib/mfa/schemas";
import { removePasskey } from "@/lib/mfa/service";

export const DELETE = apiRoute({ permission: "dashboard.read", decision: true, params: ZPasskeyParams }, async ({ context, params }) =>
  removePasskey(context, params.id),
);
