import { z } from "zod";
import { ZRole } from "@/lib/users/schemas";

export const ZTotpCode = z.string().trim().min(6, "must be the 6-digit code").max(12, "must be the 6-digit code");
export const ZRecoveryCode = z.string().trim().min(8, "must be a recovery code").max(40, "must be a recovery code");

/** A WebAuthn answer as @simplewebauthn/browser produces it; the library checks its inside. */
export const ZWebAuthnResponse = z
  .object({
    id: z.string().min(1).max(1024),
    rawId: z.string().max(1024),
    type: z.literal("public-key"),
    response: z.record(z.string(), z.unknown()),
  })
  .passthrough();

export const ZPasskeyAnswer = z.object({ challengeId: z.uuid("must be a challenge id"), response: ZWebAuthnResponse });

/** One proof, whichever the person has at hand. */
export const ZSecondFactor = z.union([
  z.object({ code: ZTotpCode }),
  z.object({ recoveryCode: ZRecoveryCode }),
  z.object({ passkey: ZPasskeyAnswer }),
]);
export type TSecondFactor = z.infer<typeof ZSecondFactor>;

export const ZStepUp = z.union([z.object({ password: z.string().min(1, "is required").max(1024) }), ZSecondFactor]).meta({ id: "StepUp" });
export type TStepUp = z.infer<typeof ZStepUp>;

export const ZMfaStatus = z
  .object({
    totp: z.boolean(),
    passkeys: z.array(z.object({ id: z.string(), name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable() })),
    recoveryCodesLeft: z.number().int(),
    required: z.boolean(),
    hasPassword: z.boolean(),
  })
  .meta({ id: "MfaStatus" });
export type TMfaStatus = z.infer<typeof ZMfaStatus>;

export const ZTotpEnrolment = z
  .object({ secret: z.string(), otpauthUri: z.string(), qrCodeDataUrl: z.string() })
  .meta({ id: "TotpEnrolment" });
export type TTotpEnrolment = z.infer<typeof ZTotpEnrolment>;

export const ZRecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) }).meta({ id: "RecoveryCodes" });

export const ZConfirmTotp = z.object({ code: ZTotpCode });

export const ZRegisterPasskey = z.object({
  challengeId: z.uuid("must be a challenge id"),
  name: z.string().trim().min(1, "is required").max(60),
  response: ZWebAuthnResponse,
});
export type TRegisterPasskey = z.infer<typeof ZRegisterPasskey>;

export const ZPasskeyParams = z.object({ id: z.string().min(1).max(1024) });

export const ZWebAuthnOptions = z
  .object({ challengeId: z.string(), options: z.record(z.string(), z.unknown()) })
  .meta({ id: "WebAuthnOptions" });

export const ZMfaPolicy = z.object({ role: ZRole, required: z.boolean(), isDefault: z.boolean() }).meta({ id: "MfaRolePolicy" });
export type TMfaPolicy = z.infer<typeof ZMfaPolicy>;
export const ZSetMfaPolicy = z.object({ role: ZRole, required: z.boolean() });
export type TSetMfaPolicy = z.infer<typeof ZSetMfaPolicy>;
