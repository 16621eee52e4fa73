import { apiRoute } from "@/lib/api/route";
import { getDashboard } from "@/lib/overview/service";

export const GET = apiRoute({ permission: "dashboard.read" }, async ({ context }) => getDashboard(context));
