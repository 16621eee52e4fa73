import { apiRoute } from "@/lib/api/route";
import { regenerateRecoveryCodes } from "@/lib/mfa/service";

export const POST = apiRoute({ permission: "dashboard.read", decision: true }, async ({ context }) => regenerateRecoveryCodes(context));
