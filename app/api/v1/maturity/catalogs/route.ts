import { apiRoute } from "@/lib/api/route";
import { listCatalogs } from "@/lib/maturity/service";

export const GET = apiRoute({ permission: "dashboard.read" }, async ({ context }) => ({ catalogs: await listCatalogs(context) }));
