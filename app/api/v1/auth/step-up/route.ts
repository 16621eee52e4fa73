import { apiRoute } from "@/lib/api/route";
import { ZStepUp } from "@/lib/mfa/schemas";
import { stepUp } from "@/lib/mfa/step-up";

export const POST = apiRoute(
  { permission: "dashboard.read", duringMfaEnrolment: true, body: ZStepUp },
  async ({ context, sessionId, body }) => stepUp(context, sessionId, body),
);
