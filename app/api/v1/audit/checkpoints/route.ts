import { apiRoute } from "@/lib/api/route";
import { createCheckpoint } from "@/lib/audit/checkpoints";

export const POST = apiRoute({ permission: "admin.audit", decision: true }, async ({ context }) =>
  Response.json(await createCheckpoint(context), { status: 201 }),
);
