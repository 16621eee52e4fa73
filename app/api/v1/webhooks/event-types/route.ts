import { apiRoute } from "@/lib/api/route";
import { WEBHOOK_EVENTS, WEBHOOK_EVENT_FAMILIES, WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/events";

export const GET = apiRoute({ permission: "admin.webhooks" }, async () => ({
  eventTypes: WEBHOOK_EVENT_TYPES.map((type) => ({ type, description: WEBHOOK_EVENTS[type] ?? "" })),
  families: WEBHOOK_EVENT_FAMILIES,
}));
