import { apiRoute } from "@/lib/api/route";
import { ZRegisterPasskey } from "@/lib/mfa/schemas";
import { registerPasskey } from "@/lib/mfa/service";

export const POST = apiRoute(
  { permission: "dashboard.read", decision: true, duringMfaEnrolment: true, body: ZRegisterPasskey },
  async ({ context, body }) => Response.json(await registerPasskey(context, body), { status: 201 }),
);
