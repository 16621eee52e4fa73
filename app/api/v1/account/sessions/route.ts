import { apiRoute } from "@/lib/api/route";
import { getRequestSessionId } from "@/lib/auth/current-session";
import { listOwnSessions, revokeOtherSessions } from "@/lib/account/sessions";

// Every signed-in person may manage their own sessions; `dashboard.read` is the permission all roles hold.
export const GET = apiRoute({ permission: "dashboard.read" }, async ({ context, request }) => ({
  sessions: await listOwnSessions(context, await getRequestSessionId(request)),
}));

export const DELETE = apiRoute({ permission: "dashboard.read" }, async ({ context, request }) =>
  revokeOtherSessions(context, await getRequestSessionId(request)),
);
