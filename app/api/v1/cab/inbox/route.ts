import { apiRoute } from "@/lib/api/route";
import { pendingVotes } from "@/lib/cab/service";

export const GET = apiRoute({ permission: "cab.read" }, async ({ context }) => ({ pending: await pendingVotes(context) }));
