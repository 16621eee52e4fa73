import { apiRoute } from "@/lib/api/route";
import { calendar } from "@/lib/change-policy/blackouts-service";
import { ZCalendarRange } from "@/lib/change-policy/schemas";

export const GET = apiRoute({ permission: "change.read", query: ZCalendarRange }, async ({ context, query }) =>
  calendar(context, new Date(query.from), new Date(query.to)),
);
