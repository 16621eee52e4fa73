import { startAuthentication, startRegistration } from "@simplewebauthn/browser";
import { apiFetch } from "@/lib/api/client";

type TOptions<T> = { challengeId: string; options: T };

/** Asks the browser for a passkey answer to a fresh server challenge (sign-in or step-up). */
export async function answerWithPasskey(): Promise<{ challengeId: string; response: unknown }> {
  const { challengeId, options } = await apiFetch<TOptions<Parameters<typeof startAuthentication>[0]["optionsJSON"]>>(
    "/api/v1/auth/passkey-options",
    {
      method: "POST",
    },
  );
  return { challengeId, response: await startAuthentication({ optionsJSON: options }) };
}

/** Creates a passkey in the browser for the signed-in person and registers it. */
export async function registerPasskeyInBrowser(name: string): Promise<{ recoveryCodes: string[] | null }> {
  const { challengeId, options } = await apiFetch<TOptions<Parameters<typeof startRegistration>[0]["optionsJSON"]>>(
    "/api/v1/account/mfa/passkeys/options",
    {
      method: "POST",
    },
  );
  const response = await startRegistration({ optionsJSON: options });
  return apiFetch("/api/v1/account/mfa/passkeys", { method: "POST", body: { challengeId, name, response } });
}

/** The browser's refusal or cancel of a passkey prompt, in words. */
export function passkeyErrorMessage(error: unknown): string {
  if (error instanceof Error && error.name === "NotAllowedError") return "The passkey prompt was cancelled or timed out.";
  return error instanceof Error ? error.message : "The passkey did not work.";
}
