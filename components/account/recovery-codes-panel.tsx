"use client";

import { Button } from "@/components/ui/button";
import { OneTimeSecret } from "@/components/ui/one-time-secret";

/** New recovery codes, shown once with a copy button; the server keeps only their hashes. */
export function NewRecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <section aria-label="Your recovery codes" className="flex flex-col gap-3 rounded-md border border-border p-4">
      <OneTimeSecret
        label="Recovery codes"
        value={codes.join("  ")}
        note="Keep these codes somewhere safe, away from your phone. Each signs you in once if the authenticator is lost."
      />
      <ul className="grid grid-cols-2 gap-1 font-mono text-sm" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div>
        <Button onClick={onDone}>I have saved them</Button>
      </div>
    </section>
  );
}
