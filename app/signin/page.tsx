import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentActor } from "@/lib/auth/current";
import { getEnv } from "@/lib/env";
import { safeRedirectPath } from "@/lib/auth/redirect";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

const ERRORS: Record<string, string> = {
  CredentialsSignin: "That email and password do not match an active account.",
  TooManyAttempts: "Too many attempts. Wait a few minutes and try again.",
  AccessDenied: "Your single sign-on account has no Concord team yet. Ask an administrator.",
  SessionEnded: "Your session has ended. Sign in again.",
  SignInUnavailable: "Signing in is unavailable right now. Try again in a minute.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string; callbackUrl?: string }> }) {
  if (await getCurrentActor()) redirect("/dashboard");
  const { error, callbackUrl } = await searchParams;
  const env = getEnv();
  const safeCallback = safeRedirectPath(callbackUrl, env.appUrl);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-border bg-surface p-6 shadow-sm">
        <h1 className="text-xl font-semibold">Sign in to Concord</h1>
        <p className="mt-1 text-sm text-muted">NetOps and SecOps, one Zero Trust program.</p>
        <SignInForm
          callbackUrl={safeCallback}
          initialError={error ? (ERRORS[error] ?? "Sign-in failed. Try again.") : undefined}
          oidc={env.oidcEnabled ? { name: env.OIDC_DISPLAY_NAME ?? "Single sign-on" } : null}
        />
      </div>
    </main>
  );
}
