"use client";

import Link from "next/link";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Select, Textarea } from "@/components/ui/field";
import { ApiRequestError } from "@/lib/api/client";
import { usePolicyBootstrap, usePolicyDriftCheck } from "@/lib/enforcement/queries";
import type { TDriftRequest } from "@/lib/enforcement/schemas";

const TARGETS: { value: TDriftRequest["target"]; label: string }[] = [
  { value: "kubernetes", label: "Kubernetes NetworkPolicy" },
  { value: "cilium", label: "CiliumNetworkPolicy" },
  { value: "istio", label: "Istio AuthorizationPolicy" },
];

function problemOf(error: unknown): string | undefined {
  if (!error) return undefined;
  return error instanceof ApiRequestError ? error.describe() : "The server could not be reached. Check your connection and try again.";
}

/**
 * Deployed policy, pasted or chosen as a file (the output of `kubectl get … -o yaml`): compare it
 * with the approved flows (drift), or start the map from it (PROPOSED flows).
 */
export function DeployedPolicyPanel({ surfaceId, canEdit }: { surfaceId: string; canEdit: boolean }) {
  const [policy, setPolicy] = useState("");
  const [target, setTarget] = useState<TDriftRequest["target"]>("kubernetes");
  const drift = usePolicyDriftCheck(surfaceId);
  const bootstrap = usePolicyBootstrap(surfaceId);
  const report = drift.data;

  return (
    <Card className="space-y-4">
      <div>
        <h2 className="font-medium">Deployed policy</h2>
        <p className="mt-1 text-sm text-muted">
          Paste or choose what is enforced today, e.g. the output of{" "}
          <code className="break-all">kubectl get networkpolicies,ciliumnetworkpolicies,authorizationpolicies -A -o yaml</code>.
        </p>
      </div>
      <div className="grid gap-4 md:grid-cols-[1fr_16rem]">
        <Field label="Policy documents (YAML)" error={problemOf(drift.error) ?? problemOf(bootstrap.error)}>
          {(props) => (
            <Textarea
              {...props}
              rows={8}
              className="font-mono text-xs"
              value={policy}
              onChange={(event) => setPolicy(event.target.value)}
              spellCheck={false}
            />
          )}
        </Field>
        <div className="flex flex-col gap-3">
          <Field label="Or choose a file">
            {(props) => (
              <input
                {...props}
                type="file"
                accept=".yaml,.yml,.json,text/yaml,application/json"
                className="text-sm"
                onChange={async (event) => {
                  const file = event.target.files?.[0];
                  if (file) setPolicy(await file.text());
                }}
              />
            )}
          </Field>
          <Field label="Compare as">
            {(props) => (
              <Select {...props} value={target} onChange={(event) => setTarget(event.target.value as TDriftRequest["target"])}>
                {TARGETS.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Button disabled={!policy.trim() || drift.isPending} onClick={() => drift.mutate({ target, policy })}>
            {drift.isPending ? "Comparing…" : "Compare with approved flows"}
          </Button>
          {canEdit && (
            <Button
              variant="secondary"
              disabled={!policy.trim() || bootstrap.isPending}
              onClick={() =>
                bootstrap.mutate(policy, {
                  onSuccess: (result) =>
                    toast.success(
                      `Imported as proposed flows (map version ${result.mapVersion}).${result.skipped.length ? ` ${result.skipped.length} allow-all rules skipped.` : ""}`,
                    ),
                })
              }
            >
              {bootstrap.isPending ? "Importing…" : "Import as proposed flows"}
            </Button>
          )}
        </div>
      </div>

      {report && (
        <section aria-label="Drift" aria-live="polite" className="space-y-3">
          {report.excess.length + report.missing.length + report.unselected.length === 0 ? (
            <p className="text-sm text-success">No drift: the deployed policy allows exactly what both teams approved.</p>
          ) : (
            <>
              <DriftList
                title="Allowed but not approved (excess)"
                entries={report.excess.map((entry) => `${entry.description} — ${entry.documentName}`)}
              />
              <DriftList title="Approved but not enforced (missing)" entries={report.missing.map((entry) => entry.description)} />
              <DriftList title="Protected workloads no deployed policy selects (everything allowed)" entries={report.unselected} />
            </>
          )}
          {report.warnings.length > 0 && (
            <DriftList
              title="Read approximately"
              entries={report.warnings.map((warning) => `document ${warning.document} ${warning.path}: ${warning.reason}`)}
            />
          )}
        </section>
      )}
      {bootstrap.data && (
        <p className="text-sm">
          Imported.{" "}
          <Link className="text-accent underline" href={`/surfaces/${surfaceId}/map`}>
            Open the map
          </Link>{" "}
          to review the proposed flows with both teams.
        </p>
      )}
    </Card>
  );
}

function DriftList({ title, entries }: { title: string; entries: string[] }) {
  if (entries.length === 0) return null;
  return (
    <div>
      <h3 className="text-sm font-medium">
        {title} <span className="text-muted">({entries.length})</span>
      </h3>
      <ul className="mt-1 list-disc space-y-1 pl-5 font-mono text-xs">
        {entries.map((entry) => (
          <li key={entry}>{entry}</li>
        ))}
      </ul>
    </div>
  );
}
