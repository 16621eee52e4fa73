import { apiRoute } from "@/lib/api/route";
import { ZAuditQuery } from "@/lib/audit/schemas";
import { listAuditEvents } from "@/lib/audit/service";

export const GET = apiRoute({ permission: "admin.audit", query: ZAuditQuery }, async ({ context, query }) =>
  listAuditEvents(context, query),
);
