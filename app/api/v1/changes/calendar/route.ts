import { apiRoute } from "@/lib/api/route";
import { calendar } from "@/lib/rules/blackouts";
import { ZCalendarRange } from "@/lib/rules/schemas";

export const GET = apiRoute({ permission: "change.read", query: ZCalendarRange }, async ({ context, query }) =>
  calendar(context, new Date(query.from), new Date(query.to)),
);
