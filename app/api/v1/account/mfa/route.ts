import { apiRoute } from "@/lib/api/route";
import { getMfaStatus } from "@/lib/mfa/service";

export const GET = apiRoute({ permission: "dashboard.read", duringMfaEnrolment: true }, async ({ context }) => getMfaStatus(context));
