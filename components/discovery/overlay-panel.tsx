"use client";

import { useState } from "react";
import { Eye, EyeOff, Upload } from "lucide-react";
import { Badge, Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { LoadFailedState, LoadingState } from "@/components/ui/query-state";
import { FormAlert } from "@/components/ui/dialog";
import { useOverlay, useProposeGhosts } from "@/lib/discovery/queries";
import type { TMapNode } from "@/lib/maps/model/schemas";
import { AttachToChangeDialog } from "./attach-to-change";
import { ImportDialog } from "./import-dialog";
import { useOverlayState } from "@/lib/discovery/overlay/overlay-store";
import { sinceText } from "@/lib/discovery/overlay/overlay-edges";

/**
 * The map page's discovery controls: the overlay toggle, what the overlay found (seen, unseen,
 * removal candidates, denied traffic) and the ghost edges to pick and propose as flows.
 */
export function DiscoveryOverlayPanel({
  surfaceId,
  surfaceName,
  nodes,
  canEdit,
  canImport,
  canChange = canEdit,
}: {
  surfaceId: string;
  surfaceName: string;
  nodes: TMapNode[];
  canEdit: boolean;
  canImport: boolean;
  /** May write changes (a contributor): offered to add picked flows to a draft change. */
  canChange?: boolean;
}) {
  const { visible, picked, setVisible, togglePicked, clearPicked } = useOverlayState(surfaceId);
  const overlay = useOverlay(surfaceId, visible);
  const propose = useProposeGhosts(surfaceId);
  const [importing, setImporting] = useState(false);
  const [attaching, setAttaching] = useState(false);
  const label = new Map(nodes.map((node) => [node.id, node.label]));
  const now = new Date();
  const data = overlay.data;
  const proposable = data?.ghosts.filter((ghost) => !ghost.deniedOnly) ?? [];
  const denied = data?.ghosts.filter((ghost) => ghost.deniedOnly) ?? [];
  const pickedGhosts = proposable
    .filter((ghost) => picked.has(ghost.id))
    .map((ghost) => ({ sourceId: ghost.sourceId, targetId: ghost.targetId, protocol: ghost.protocol, port: ghost.port }));

  return (
    <Card className="mt-4 flex flex-col gap-3 p-4" aria-label="Observed traffic">
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="mr-auto text-base font-semibold">Observed traffic</h2>
        {canImport && (
          <Button size="sm" variant="secondary" onClick={() => setImporting(true)}>
            <Upload aria-hidden className="mr-1 h-4 w-4" /> Import flow logs
          </Button>
        )}
        <Button size="sm" variant={visible ? "primary" : "secondary"} aria-pressed={visible} onClick={() => setVisible(!visible)}>
          {visible ? <EyeOff aria-hidden className="mr-1 h-4 w-4" /> : <Eye aria-hidden className="mr-1 h-4 w-4" />}
          {visible ? "Hide observed traffic" : "Show observed traffic"}
        </Button>
      </div>
      {visible && overlay.isPending && <LoadingState label="Reconciling observed traffic…" />}
      {visible && overlay.isError && (
        <LoadFailedState title="The observed traffic could not be loaded" error={overlay.error} onRetry={() => void overlay.refetch()} />
      )}
      {visible && data && (
        <>
          <p className="text-sm text-muted" data-testid="overlay-summary">
            {data.flows.filter((flow) => flow.seen).length} drawn flows seen · {data.flows.filter((flow) => !flow.seen).length} not seen ·{" "}
            {data.flows.filter((flow) => flow.removalCandidate).length} removal candidates (unseen {data.unseenDays} d) ·{" "}
            {proposable.length} ghost edges · {denied.length} denied
          </p>
          <section aria-label="Ghost edges">
            <h3 className="mb-1 text-sm font-medium">Observed, not drawn</h3>
            {canEdit && proposable.length > 0 && (
              <p className="mb-1 text-xs text-muted">Pick them here or click their dashed edges on the map.</p>
            )}
            {proposable.length === 0 ? (
              <p className="text-sm text-muted">No undrawn traffic between nodes of this map.</p>
            ) : (
              <ul className="flex max-h-64 flex-col gap-1 overflow-y-auto">
                {proposable.map((ghost) => (
                  <li key={ghost.id} className="flex items-center gap-2 text-sm" data-testid="ghost-edge">
                    <input
                      type="checkbox"
                      id={`ghost-${ghost.id}`}
                      checked={picked.has(ghost.id)}
                      onChange={() => togglePicked(ghost.id)}
                      disabled={!canEdit}
                    />
                    <label htmlFor={`ghost-${ghost.id}`}>
                      {label.get(ghost.sourceId) ?? "?"} → {label.get(ghost.targetId) ?? "?"} · {ghost.protocol}
                      {ghost.port === null ? "" : `/${ghost.port}`} · {ghost.connections.toLocaleString("en")} connections · last seen{" "}
                      {sinceText(ghost.lastSeen, now)}
                    </label>
                  </li>
                ))}
              </ul>
            )}
            {data.ghostsTruncated > 0 && <p className="text-xs text-muted">…and {data.ghostsTruncated} quieter ones.</p>}
            {canEdit && proposable.length > 0 && (
              <div className="mt-2 flex gap-2">
                <Button
                  size="sm"
                  disabled={picked.size === 0 || propose.isPending}
                  onClick={() => propose.mutate({ ghosts: pickedGhosts, justification: "" }, { onSuccess: clearPicked })}
                >
                  Propose {pickedGhosts.length || ""} as flows
                </Button>
                {canChange && (
                  <Button size="sm" variant="secondary" disabled={pickedGhosts.length === 0} onClick={() => setAttaching(true)}>
                    Add to a change…
                  </Button>
                )}
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => proposable.forEach((ghost) => !picked.has(ghost.id) && togglePicked(ghost.id))}
                >
                  Pick all
                </Button>
              </div>
            )}
            {propose.isError && <FormAlert message={propose.error.message} />}
            {propose.isSuccess && (
              <p role="status" className="text-sm text-success">
                {propose.data.proposed} flows proposed; they wait for both teams&apos; approval.
              </p>
            )}
          </section>
          {denied.length > 0 && (
            <section aria-label="Denied traffic">
              <h3 className="mb-1 text-sm font-medium text-danger">Denied or dropped</h3>
              <ul className="flex flex-col gap-1 text-sm" data-testid="denied-traffic">
                {denied.map((ghost) => (
                  <li key={ghost.id}>
                    <Badge tone="danger">denied</Badge> {label.get(ghost.sourceId) ?? "?"} → {label.get(ghost.targetId) ?? "?"} ·{" "}
                    {ghost.protocol}
                    {ghost.port === null ? "" : `/${ghost.port}`} · {ghost.denied.toLocaleString("en")}× (
                    {Object.keys(ghost.dropReasons).join(", ") || "no reason given"})
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
      {attaching && (
        <AttachToChangeDialog
          surfaceId={surfaceId}
          surfaceName={surfaceName}
          ghosts={pickedGhosts}
          open={attaching}
          onOpenChange={setAttaching}
          onAttached={clearPicked}
        />
      )}
      {canImport && importing && (
        <ImportDialog
          open={importing}
          onOpenChange={setImporting}
          surfaces={[{ id: surfaceId, name: surfaceName }]}
          surfaceId={surfaceId}
        />
      )}
    </Card>
  );
}
