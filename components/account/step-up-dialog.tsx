"use client";

import { signIn } from "next-auth/react";
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { Dialog, FormAlert, DialogFooter } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { ApiRequestError, setStepUpPrompt } from "@/lib/api/client";
import { confirmStepUp } from "@/lib/mfa/queries";
import { answerWithPasskey, passkeyErrorMessage } from "@/lib/mfa/browser";

type TMethod = "password" | "totp" | "recovery_code" | "passkey" | "sso";

const LABELS: Record<TMethod, string> = {
  password: "Use your password",
  totp: "Use the authenticator app",
  recovery_code: "Use a recovery code",
  passkey: "Use a passkey",
  sso: "Sign in again with single sign-on",
};

/**
 * Answers the API client's step-up prompts with a dialog. Several decisions refused at once share
 * one dialog; each is sent again once the person has confirmed.
 */
export function StepUpProvider({ children }: { children: ReactNode }) {
  const [request, setRequest] = useState<{ methods: TMethod[]; finish: (confirmed: boolean) => void } | null>(null);
  const pending = useRef<Promise<boolean> | null>(null);

  useEffect(() => {
    setStepUpPrompt((methods) => {
      pending.current ??= new Promise<boolean>((resolve) => {
        setRequest({
          methods: methods.filter((method): method is TMethod => method in LABELS),
          finish: (confirmed) => {
            pending.current = null;
            setRequest(null);
            resolve(confirmed);
          },
        });
      });
      return pending.current;
    });
    return () => setStepUpPrompt(null);
  }, []);

  return (
    <>
      {children}
      {request && <StepUpDialog methods={request.methods.length > 0 ? request.methods : ["password"]} onFinish={request.finish} />}
    </>
  );
}

function StepUpDialog({ methods, onFinish }: { methods: TMethod[]; onFinish: (confirmed: boolean) => void }) {
  const [method, setMethod] = useState<TMethod>(methods[0]!);
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function confirm(body: unknown) {
    setPending(true);
    setError(undefined);
    try {
      await confirmStepUp(body);
      onFinish(true);
    } catch (failure) {
      setError(failure instanceof ApiRequestError ? failure.describe() : "Confirming did not work. Try again.");
    } finally {
      setPending(false);
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get("proof") ?? "");
    if (method === "password") await confirm({ password: value });
    else if (method === "totp") await confirm({ code: value });
    else if (method === "recovery_code") await confirm({ recoveryCode: value });
  }

  async function confirmWithPasskey() {
    setError(undefined);
    try {
      await confirm({ passkey: await answerWithPasskey() });
    } catch (failure) {
      setError(passkeyErrorMessage(failure));
    }
  }

  const field =
    method === "password"
      ? { label: "Password", type: "password", autoComplete: "current-password", inputMode: undefined }
      : method === "totp"
        ? { label: "Authentication code", type: "text", autoComplete: "one-time-code", inputMode: "numeric" as const }
        : { label: "Recovery code", type: "text", autoComplete: "off", inputMode: undefined };

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onFinish(false)}
      title="Confirm it is you"
      description="This is a decision. Confirm it is you and it goes through straight away; nothing you entered is lost."
    >
      {method === "sso" ? (
        <div className="flex flex-col gap-3">
          <p className="text-sm">Your account signs in with single sign-on. Sign in again, then repeat the decision.</p>
          <Button onClick={() => void signIn("oidc", { callbackUrl: window.location.href })}>Sign in again</Button>
        </div>
      ) : method === "passkey" ? (
        <div className="flex flex-col gap-3">
          <FormAlert message={error} />
          <Button onClick={() => void confirmWithPasskey()} disabled={pending}>
            {pending ? "Checking…" : "Confirm with a passkey"}
          </Button>
        </div>
      ) : (
        <form onSubmit={(event) => void onSubmit(event)} className="flex flex-col gap-4" noValidate>
          <Field label={field.label}>
            {(props) => (
              <Input
                {...props}
                key={method}
                name="proof"
                type={field.type}
                autoComplete={field.autoComplete}
                inputMode={field.inputMode}
                autoFocus
                required
              />
            )}
          </Field>
          <FormAlert message={error} />
          <DialogFooter onCancel={() => onFinish(false)} submitLabel="Confirm" pendingLabel="Checking…" pending={pending} />
        </form>
      )}
      {methods.length > 1 && (
        <div className="mt-4 flex flex-wrap gap-2 border-t border-border pt-3">
          {methods
            .filter((other) => other !== method)
            .map((other) => (
              <Button key={other} variant="ghost" size="sm" onClick={() => (setMethod(other), setError(undefined))}>
                {LABELS[other]}
              </Button>
            ))}
        </div>
      )}
    </Dialog>
  );
}
