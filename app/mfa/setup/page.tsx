import { redirect } from "next/navigation";
import { getCurrentSession, requireActor } from "@/lib/auth/current";
import { MfaSetup } from "./mfa-setup";

export const metadata = { title: "Set up a second factor" };

/** Where a person whose role requires a second factor lands until they have one; nothing else is open. */
export default async function MfaSetupPage() {
  await requireActor(undefined, { duringMfaEnrolment: true });
  if (!(await getCurrentSession())?.mfaEnrolmentRequired) redirect("/account/security");
  return (
    <main className="flex min-h-screen items-start justify-center px-4 py-10">
      <div className="w-full max-w-2xl">
        <h1 className="text-xl font-semibold">Set up a second factor</h1>
        <p className="mb-6 mt-1 text-sm text-muted">Your role requires one before you can continue: an authenticator app or a passkey.</p>
        <MfaSetup />
      </div>
    </main>
  );
}
