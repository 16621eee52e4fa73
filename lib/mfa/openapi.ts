import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { operation } from "@/lib/api/openapi";
import {
  ZConfirmTotp,
  ZMfaPolicy,
  ZMfaStatus,
  ZPasskeyParams,
  ZRecoveryCodes,
  ZRegisterPasskey,
  ZSetMfaPolicy,
  ZStepUp,
  ZTotpEnrolment,
  ZWebAuthnOptions,
} from "./schemas";

const tag = "Security";
const ZMaybeRecoveryCodes = z.object({ recoveryCodes: z.array(z.string()).nullable() });

export const mfaPaths: ZodOpenApiPathsObject = {
  "/api/v1/account/mfa": {
    get: operation({ summary: "The signed-in person's second factors", tag, permission: "dashboard.read", response: ZMfaStatus }),
  },
  "/api/v1/account/mfa/totp": {
    post: operation({
      summary: "Start setting up an authenticator app (secret and QR code)",
      tag,
      permission: "dashboard.read",
      response: ZTotpEnrolment,
      decision: true,
    }),
    put: operation({
      summary: "Confirm the authenticator app with a code; the first factor also returns recovery codes, once",
      tag,
      permission: "dashboard.read",
      body: ZConfirmTotp,
      response: ZMaybeRecoveryCodes,
      conflicts: true,
      decision: true,
    }),
    delete: operation({
      summary: "Remove the authenticator app",
      tag,
      permission: "dashboard.read",
      response: ZMfaStatus,
      conflicts: true,
      decision: true,
    }),
  },
  "/api/v1/account/mfa/recovery-codes": {
    post: operation({
      summary: "Replace the recovery codes (shown once)",
      tag,
      permission: "dashboard.read",
      response: ZRecoveryCodes,
      conflicts: true,
      decision: true,
    }),
  },
  "/api/v1/account/mfa/passkeys/options": {
    post: operation({
      summary: "WebAuthn registration options for a new passkey",
      tag,
      permission: "dashboard.read",
      response: ZWebAuthnOptions,
      decision: true,
    }),
  },
  "/api/v1/account/mfa/passkeys": {
    post: operation({
      summary: "Register a passkey",
      tag,
      permission: "dashboard.read",
      body: ZRegisterPasskey,
      response: ZMaybeRecoveryCodes,
      status: 201,
      decision: true,
    }),
  },
  "/api/v1/account/mfa/passkeys/{id}": {
    delete: operation({
      summary: "Remove a passkey",
      tag,
      permission: "dashboard.read",
      params: ZPasskeyParams,
      response: ZMfaStatus,
      conflicts: true,
      decision: true,
    }),
  },
  "/api/v1/auth/step-up": {
    post: operation({
      summary: "Confirm it is you (password, or a second factor for accounts with one) before decisions",
      tag,
      permission: "dashboard.read",
      body: ZStepUp,
      response: z.object({ stepUpAt: z.string(), factor: z.string() }),
    }),
  },
  "/api/v1/auth/passkey-options": {
    post: operation({
      summary: "WebAuthn authentication options for signing in or confirming with a passkey",
      tag,
      permission: null,
      response: ZWebAuthnOptions,
    }),
  },
  "/api/v1/admin/mfa-policy": {
    get: operation({
      summary: "Which roles must use a second factor",
      tag,
      permission: "admin.users",
      response: z.object({ policies: z.array(ZMfaPolicy) }),
    }),
    put: operation({
      summary: "Require (or stop requiring) a second factor for a role, from each person's next sign-in",
      tag,
      permission: "admin.users",
      body: ZSetMfaPolicy,
      response: z.object({ policies: z.array(ZMfaPolicy) }),
      decision: true,
    }),
  },
};
