import { apiRoute } from "@/lib/api/route";
import { listChanges } from "@/lib/changes/read";
import { ZChangeListQuery, ZCreateChange } from "@/lib/changes/schemas";
import { createChange } from "@/lib/changes/service";

export const GET = apiRoute({ permission: "change.read", query: ZChangeListQuery }, async ({ context, query }) =>
  listChanges(context, query),
);

export const POST = apiRoute({ permission: "change.write", body: ZCreateChange }, async ({ context, body }) =>
  Response.json(await createChange(context, body), { status: 201 }),
);
