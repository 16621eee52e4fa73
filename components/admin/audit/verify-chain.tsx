"use client";

import { Anchor, ShieldCheck } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useCreateCheckpoint, useVerifyAuditChain, type TAuditVerification } from "@/lib/audit/queries";

const REASONS: Record<NonNullable<TAuditVerification["firstBreak"]>["reason"], string> = {
  hash_mismatch: "its content no longer matches the hash stored with it (it was altered after being written)",
  prev_hash_mismatch: "it does not link to the event before it (an event was removed, inserted or reordered)",
};

function count(n: number | string): string {
  return `${Number(n).toLocaleString("en-US")} ${String(n) === "1" ? "event" : "events"}`;
}

function CheckpointFindings({ checkpoints }: { checkpoints: TAuditVerification["checkpoints"] }) {
  const { latest, problems, problemCount } = checkpoints;
  if (problemCount > 0) {
    return (
      <div className="text-danger">
        <p className="font-medium">The signed checkpoints disagree with the chain:</p>
        <ul className="list-disc pl-5 text-left">
          {problems.map((problem, index) => (
            <li key={`${problem.seq ?? "file"}-${problem.kind}-${index}`}>{problem.message}</li>
          ))}
        </ul>
        {problemCount > problems.length && <p>…and {problemCount - problems.length} more.</p>}
      </div>
    );
  }
  if (!latest) return <p className="text-muted">No signed checkpoint yet: a cut-off tail would go unnoticed until one is written.</p>;
  return (
    <p className="text-muted">
      Anchored by checkpoint #{latest.seq} of {new Date(latest.createdAt).toLocaleString()}: {count(latest.eventCount)} up to event #
      {latest.headId}.
    </p>
  );
}

/** Recomputes every hash of the chain on the server and holds it against the signed checkpoints. */
export function VerifyChain() {
  const verify = useVerifyAuditChain();
  const checkpoint = useCreateCheckpoint();
  const result = verify.data;
  const written = checkpoint.data?.checkpoint;
  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex gap-2">
        <Button variant="secondary" onClick={() => checkpoint.mutate()} disabled={checkpoint.isPending}>
          <Anchor aria-hidden className="h-4 w-4" />
          {checkpoint.isPending ? "Signing…" : "Sign checkpoint"}
        </Button>
        <Button variant="secondary" onClick={() => verify.mutate()} disabled={verify.isPending}>
          <ShieldCheck aria-hidden className="h-4 w-4" />
          {verify.isPending ? "Verifying…" : "Verify chain"}
        </Button>
      </div>
      <div role="status" aria-live="polite" className="max-w-md text-right text-sm">
        {checkpoint.isError && <p className="text-danger">The checkpoint could not be written: {checkpoint.error.message}</p>}
        {written && (
          <p>
            Checkpoint #{written.seq} signed: {count(written.eventCount)} up to event #{written.headId}.
            {checkpoint.data!.sinkFailures.length > 0 && (
              <span className="text-danger"> Not sent to {checkpoint.data!.sinkFailures.join("; ")}.</span>
            )}
          </p>
        )}
        {verify.isError && <p className="text-danger">The verification could not run: {verify.error.message}</p>}
        {result?.ok && <p className="font-medium text-success">Chain intact: {count(result.checked)} verified.</p>}
        {result?.firstBreak && (
          <p className="text-danger">
            <strong>Chain broken at event #{result.firstBreak.id}</strong>: {REASONS[result.firstBreak.reason]}. {count(result.checked)}{" "}
            before it verified.
          </p>
        )}
        {result && !result.firstBreak && !result.ok && (
          <p className="font-medium text-danger">Chain links intact ({count(result.checked)}), but events are missing.</p>
        )}
        {result && <CheckpointFindings checkpoints={result.checkpoints} />}
      </div>
    </div>
  );
}
