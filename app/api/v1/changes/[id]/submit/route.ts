import { apiRoute } from "@/lib/api/route";
import { ZChangeIdParams } from "@/lib/changes/schemas";
import { submitChange } from "@/lib/changes/workflow";

export const POST = apiRoute({ permission: "change.write", params: ZChangeIdParams }, async ({ context, params }) =>
  submitChange(context, params.id),
);
