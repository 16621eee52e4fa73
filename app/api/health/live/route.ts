import { apiRoute } from "@/lib/api/route";

export const dynamic = "force-dynamic";

/** Liveness: the process answers. It never touches the database, so an outage does not get instances restarted. */
export const GET = apiRoute({ permission: null }, async () => ({ status: "live" }));
