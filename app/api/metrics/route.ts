import { apiRoute } from "@/lib/api/route";
import { readMetrics } from "@/lib/ops/health";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: null }, async ({ request }) => readMetrics(request.headers.get("authorization")));
