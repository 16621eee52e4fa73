import { apiRoute } from "@/lib/api/route";
import { ZPresenceBody, ZSurfaceParams } from "@/lib/maps/model/schemas";
import { announcePresence } from "@/lib/maps/presence";

export const POST = apiRoute({ permission: "map.read", params: ZSurfaceParams, body: ZPresenceBody }, async ({ context, params, body }) => {
  await announcePresence(context, params.id, body);
  return { ok: true };
});
