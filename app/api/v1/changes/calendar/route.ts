import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { calendar } from "@/lib/rules/blackouts";

const ZRange = z.object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) });

export const GET = apiRoute({ permission: "change.read", query: ZRange }, async ({ context, query }) => calendar(context, new Date(query.from), new Date(query.to)));
