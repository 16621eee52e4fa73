import { apiRoute } from "@/lib/api/route";
import { ZConfirmTotp } from "@/lib/mfa/schemas";
import { confirmTotpEnrolment, removeTotp, startTotpEnrolment } from "@/lib/mfa/service";

const enrolment = { permission: "dashboard.read", decision: true, duringMfaEnrolment: true } as const;

export const POST = apiRoute(enrolment, async ({ context }) => startTotpEnrolment(context));

export const PUT = apiRoute({ ...enrolment, body: ZConfirmTotp }, async ({ context, body }) => confirmTotpEnrolment(context, body.code));

export const DELETE = apiRoute({ permission: "dashboard.read", decision: true }, async ({ context }) => removeTotp(context));
