"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { answerWithPasskey, passkeyErrorMessage } from "@/lib/mfa/browser";

export type TSecondFactorProof = { code?: string; recoveryCode?: string; passkey?: string };

/** The sign-in's second step: the authenticator code, a recovery code or a passkey. */
export function SecondFactorStep({
  pending,
  error,
  onError,
  onSubmit,
  onBack,
}: {
  pending: boolean;
  error?: string;
  onError: (message: string) => void;
  onSubmit: (proof: TSecondFactorProof) => Promise<void>;
  onBack: () => void;
}) {
  const [mode, setMode] = useState<"code" | "recoveryCode">("code");

  async function submitCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get("proof") ?? "").trim();
    await onSubmit(mode === "code" ? { code: value } : { recoveryCode: value });
  }

  async function confirmWithPasskey() {
    try {
      await onSubmit({ passkey: JSON.stringify(await answerWithPasskey()) });
    } catch (failure) {
      onError(passkeyErrorMessage(failure));
    }
  }

  return (
    <div className="mt-6 flex flex-col gap-4">
      <p className="text-sm text-muted">
        {mode === "code" ? "Enter the 6-digit code from your authenticator app." : "Enter one of your recovery codes. Each works once."}
      </p>
      <form onSubmit={(event) => void submitCode(event)} className="flex flex-col gap-4" noValidate>
        <Field label={mode === "code" ? "Authentication code" : "Recovery code"}>
          {(props) => (
            <Input
              {...props}
              key={mode}
              name="proof"
              autoComplete={mode === "code" ? "one-time-code" : "off"}
              inputMode={mode === "code" ? "numeric" : undefined}
              autoFocus
              required
            />
          )}
        </Field>
        {error && (
          <p role="alert" className="rounded-md border border-danger/40 bg-danger/10 px-3 py-2 text-sm text-danger">
            {error}
          </p>
        )}
        <Button type="submit" disabled={pending}>
          {pending ? "Checking…" : "Verify"}
        </Button>
      </form>
      <div className="flex flex-col gap-1 text-sm">
        <Button variant="ghost" size="sm" onClick={() => setMode(mode === "code" ? "recoveryCode" : "code")}>
          {mode === "code" ? "Use a recovery code instead" : "Use the authenticator app instead"}
        </Button>
        <Button variant="ghost" size="sm" disabled={pending} onClick={() => void confirmWithPasskey()}>
          Use a passkey
        </Button>
        <Button variant="ghost" size="sm" onClick={onBack}>
          Back
        </Button>
      </div>
    </div>
  );
}
