"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { SecondFactorStep, type TSecondFactorProof } from "./second-factor-step";

const noSubscription = () => () => {};

/** False during server rendering and until hydration: the form only works once React runs it. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

export function SignInForm({
  callbackUrl,
  initialError,
  oidc,
}: {
  callbackUrl: string;
  initialError?: string;
  oidc: { name: string } | null;
}) {
  const router = useRouter();
  const [error, setError] = useState(initialError);
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();
  // Kept between the two steps of an account with a second factor: both go in the final request.
  const [passwordStep, setPasswordStep] = useState<{ email: string; password: string } | null>(null);

  async function submit(credentials: { email: string; password: string } & TSecondFactorProof) {
    setPending(true);
    setError(undefined);
    const result = await signIn("credentials", { ...credentials, redirect: false });
    setPending(false);
    if (result?.error === "MfaRequired") {
      setPasswordStep({ email: credentials.email, password: credentials.password });
      return;
    }
    if (result?.error === "MfaInvalid") {
      setError("That was not accepted. Check the code and try again.");
      return;
    }
    if (!result || result.error) {
      setError(
        result?.error === "TooManyAttempts"
          ? "Too many attempts. Wait a few minutes and try again."
          : result?.error === "SignInUnavailable"
            ? "Signing in is unavailable right now. Try again in a minute."
            : "That email and password do not match an active account.",
      );
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    await submit({ email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") });
  }

  if (passwordStep) {
    return (
      <SecondFactorStep
        pending={pending}
        error={error}
        onError={setError}
        onSubmit={(proof) => submit({ ...passwordStep, ...proof })}
        onBack={() => (setPasswordStep(null), setError(undefined))}
      />
    );
  }

  return (
    <div className="mt-6 flex flex-col gap-4">
      <form onSubmit={onSubmit} method="post" className="flex flex-col gap-4" noValidate>
        <Field label="Email">{(props) => <Input {...props} name="email" type="email" autoComplete="username" required />}</Field>
        <Field label="Password">
          {(props) => <Input {...props} name="password" type="password" autoComplete="current-password" required />}
        </Field>
        {error && (
          <p role="alert" className="rounded-md border border-danger/40 bg-danger/10 px-3 py-2 text-sm text-danger">
            {error}
          </p>
        )}
        <Button type="submit" disabled={pending || !hydrated}>
          {pending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      {oidc && (
        <>
          <div className="flex items-center gap-2 text-xs text-muted" aria-hidden>
            <span className="h-px flex-1 bg-border" /> or <span className="h-px flex-1 bg-border" />
          </div>
          <Button variant="secondary" disabled={!hydrated} onClick={() => void signIn("oidc", { callbackUrl })}>
            Continue with {oidc.name}
          </Button>
        </>
      )}
    </div>
  );
}
