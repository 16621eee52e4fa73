import { apiRoute } from "@/lib/api/route";
import { verifyAudit } from "@/lib/audit/service";

export const GET = apiRoute({ permission: "admin.audit" }, async ({ context }) => verifyAudit(context));
