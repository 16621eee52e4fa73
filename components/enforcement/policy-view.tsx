import Link from "next/link";
import { Download } from "lucide-react";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { highlightPolicyFile } from "@/lib/enforcement/highlight";
import { POLICY_TARGET_LABELS, POLICY_TARGETS, type TPolicyTarget } from "@/lib/enforcement/model";
import type { TSurfacePolicy } from "@/lib/enforcement/service";
import { DeployedPolicyPanel } from "./deployed-policy-panel";
import { PolicyFileActions } from "./policy-file-actions";

/** The Policy tab of a surface: one target at a time, its files highlighted, what it cannot express listed. */
export async function PolicyView({ policy, canEdit }: { policy: TSurfacePolicy; canEdit: boolean }) {
  const { surface, target } = policy;
  const files = await Promise.all(
    policy.files.map(async (file) => ({ ...file, html: await highlightPolicyFile(file.path, file.content) })),
  );
  const bundle = (which: TPolicyTarget | "all") => `/api/v1/surfaces/${surface.id}/policy/bundle?target=${which}`;
  return (
    <div className="space-y-6">
      <nav aria-label="Enforcement target" className="flex flex-wrap gap-2">
        {POLICY_TARGETS.map((each) => (
          <Link
            key={each}
            href={`/surfaces/${surface.id}/policy?target=${each}`}
            aria-current={each === target ? "page" : undefined}
            className={
              each === target
                ? "rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-accent-fg"
                : "rounded-md border border-border px-3 py-1.5 text-sm hover:bg-surface-2"
            }
          >
            {POLICY_TARGET_LABELS[each]}
          </Link>
        ))}
      </nav>

      <div className="flex flex-wrap items-center gap-2">
        <Button asChild>
          <a href={bundle(target)} download>
            <Download aria-hidden className="h-4 w-4" /> Download folder (zip)
          </a>
        </Button>
        <Button asChild variant="secondary">
          <a href={bundle("all")} download>
            <Download aria-hidden className="h-4 w-4" /> Every target (zip)
          </a>
        </Button>
        <p className="text-sm text-muted">
          Generated from the flows both teams approved on the map (surface version {surface.version}); each document carries the flows and
          the decision that approved them.
        </p>
      </div>

      {policy.unsupported.length > 0 && (
        <Card>
          <h2 className="font-medium">Not expressed by {POLICY_TARGET_LABELS[target]}</h2>
          <p className="mt-1 text-sm text-muted">
            These approved flows are not in the files below. Enforce them elsewhere, or change the map so this target can express them.
          </p>
          <ul className="mt-3 space-y-2 text-sm">
            {policy.unsupported.map((entry) => (
              <li key={`${entry.flowId}-${entry.reason}`}>
                <span className="font-medium">{policy.flowLabels[entry.flowId] ?? entry.flowId}</span>
                <span className="text-muted"> — {entry.reason}</span>
              </li>
            ))}
          </ul>
        </Card>
      )}

      {policy.documents.length === 0 ? (
        <EmptyState
          title={`No ${POLICY_TARGET_LABELS[target]} to generate`}
          description="Policy comes from approved flows into or out of the surface's own elements. Link map nodes to the surface's DAAS elements, give workloads their pod labels or addresses, and approve flows by agreement or through a change."
          action={
            <Button asChild variant="secondary">
              <Link href={`/surfaces/${surface.id}/map`}>Open the flow map</Link>
            </Button>
          }
        />
      ) : (
        files.map((file) => (
          <Card key={file.path} className="p-0">
            <div className="flex flex-wrap items-center justify-between gap-2 border-b border-border px-4 py-2">
              <h2 className="font-mono text-sm break-all">{file.path}</h2>
              <div className="flex items-center gap-2">
                <Badge>{file.content.split("\n").length - 1} lines</Badge>
                <PolicyFileActions path={file.path} content={file.content} />
              </div>
            </div>
            {/* shiki escapes the file's text; the markup is its own colouring. */}
            <div className="overflow-x-auto p-4 text-sm [&_pre]:!bg-transparent" dangerouslySetInnerHTML={{ __html: file.html }} />
          </Card>
        ))
      )}

      <DeployedPolicyPanel surfaceId={surface.id} canEdit={canEdit} />
    </div>
  );
}
