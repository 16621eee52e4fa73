import { apiRoute } from "@/lib/api/route";
import { startPasskeyRegistration } from "@/lib/mfa/service";

export const POST = apiRoute({ permission: "dashboard.read", decision: true, duringMfaEnrolment: true }, async ({ context }) =>
  startPasskeyRegistration(context),
);
