import { apiRoute } from "@/lib/api/route";
import { ZSetMfaPolicy } from "@/lib/mfa/schemas";
import { listMfaPolicies, setMfaPolicy } from "@/lib/mfa/policy";

export const GET = apiRoute({ permission: "admin.users" }, async ({ context }) => ({ policies: await listMfaPolicies(context) }));

export const PUT = apiRoute({ permission: "admin.users", decision: true, body: ZSetMfaPolicy }, async ({ context, body }) => ({
  policies: await setMfaPolicy(context, body),
}));
