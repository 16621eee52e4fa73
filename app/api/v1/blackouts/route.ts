import { z } from "zod";
import { zIsoDateTime } from "@/lib/api/bounds";
import { apiRoute } from "@/lib/api/route";
import { createBlackout, listBlackouts } from "@/lib/change-policy/blackouts-service";
import { ZBlackoutInput } from "@/lib/change-policy/schemas";

const ZRange = z.object({ from: zIsoDateTime().optional(), to: zIsoDateTime().optional() });

export const GET = apiRoute({ permission: "change.read", query: ZRange }, async ({ context, query }) => ({
  blackouts: await listBlackouts(
    context,
    new Date(query.from ?? Date.now() - 30 * 86_400_000),
    new Date(query.to ?? Date.now() + 365 * 86_400_000),
  ),
}));

export const POST = apiRoute({ permission: "cab.manage", body: ZBlackoutInput }, async ({ context, body }) =>
  Response.json(await createBlackout(context, body), { status: 201 }),
);
