import { apiRoute } from "@/lib/api/route";
import { checkReadiness } from "@/lib/ops/health";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: null }, async () => checkReadiness());
