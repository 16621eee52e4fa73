"use client";

import { ShieldCheck } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useVerifyAuditChain, type TAuditVerification } from "./audit-queries";

const REASONS: Record<NonNullable<TAuditVerification["firstBreak"]>["reason"], string> = {
  hash_mismatch: "its content no longer matches the hash stored with it (it was altered after being written)",
  prev_hash_mismatch: "it does not link to the event before it (an event was removed, inserted or reordered)",
};

function count(n: number): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? "event" : "events"}`;
}

/** Recomputes every hash of the chain on the server and says whether it holds. */
export function VerifyChain() {
  const verify = useVerifyAuditChain();
  const result = verify.data;
  return (
    <div className="flex flex-col items-end gap-2">
      <Button variant="secondary" onClick={() => verify.mutate()} disabled={verify.isPending}>
        <ShieldCheck aria-hidden className="h-4 w-4" />
        {verify.isPending ? "Verifying…" : "Verify chain"}
      </Button>
      <div role="status" aria-live="polite" className="max-w-md text-right text-sm">
        {verify.isError && <p className="text-danger">The verification could not run: {verify.error.message}</p>}
        {result?.ok && <p className="font-medium text-success">Chain intact: {count(result.checked)} verified.</p>}
        {result && !result.ok && result.firstBreak && (
          <p className="text-danger">
            <strong>Chain broken at event #{result.firstBreak.id}</strong>: {REASONS[result.firstBreak.reason]}. {count(result.checked)} before it verified.
          </p>
        )}
      </div>
    </div>
  );
}
