"use client";

import { useState } from "react";
import { Badge, EmptyState } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { LoadFailedState, LoadingState } from "@/components/ui/query-state";
import { ConfirmDialog, FormAlert } from "@/components/ui/dialog";
import { useImports, useUndoImport } from "@/lib/discovery/queries";
import type { TDiscoveryImport } from "@/lib/discovery/schemas";

const STATUS_TONE = { RUNNING: "accent", DONE: "success", CANCELLED: "neutral", FAILED: "danger", UNDONE: "warning" } as const;

function Rejects({ entry }: { entry: TDiscoveryImport }) {
  if (entry.linesRejected === 0 && !entry.error) return <span className="text-muted">—</span>;
  return (
    <details>
      <summary className="cursor-pointer text-sm">{entry.error ? "why it stopped" : `first ${entry.rejects.length} rejects`}</summary>
      {entry.error && <p className="mt-1 text-xs text-danger">{entry.error}</p>}
      <ul className="mt-1 max-h-48 overflow-y-auto text-xs text-muted">
        {entry.rejects.map((reject) => (
          <li key={reject.line}>
            line {reject.line}: {reject.reason}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Imports with who, when, format and line counts; administrators can undo a finished one. */
export function ImportsTable({ surfaceId, canUndo }: { surfaceId?: string; canUndo: boolean }) {
  const imports = useImports(surfaceId);
  const undo = useUndoImport();
  const [undoing, setUndoing] = useState<TDiscoveryImport | null>(null);
  if (imports.isPending) return <LoadingState label="Loading imports…" />;
  if (imports.isError)
    return <LoadFailedState title="The imports could not be loaded" error={imports.error} onRetry={() => void imports.refetch()} />;
  if (imports.data.length === 0)
    return (
      <EmptyState title="No imports yet" description="Import flow logs to compare the traffic that really flows with the drawn maps." />
    );
  return (
    <>
      {undo.isError && <FormAlert message={undo.error.message} />}
      <Table aria-label="Flow log imports">
        <thead>
          <tr>
            <Th>When</Th>
            <Th>Surface</Th>
            <Th>Who</Th>
            <Th>Format · source</Th>
            <Th className="text-right">Read</Th>
            <Th className="text-right">Accepted</Th>
            <Th className="text-right">Rejected</Th>
            <Th>Status</Th>
            <Th>Rejects</Th>
            {canUndo && (
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            )}
          </tr>
        </thead>
        <tbody>
          {imports.data.map((entry) => (
            <tr key={entry.id} data-testid="import-row">
              <Td>{new Date(entry.createdAt).toLocaleString()}</Td>
              <Td>{entry.surfaceName}</Td>
              <Td>{entry.createdByLabel}</Td>
              <Td>
                {entry.format} · {entry.sourceName}
              </Td>
              <Td className="text-right tabular-nums">{entry.linesRead.toLocaleString("en")}</Td>
              <Td className="text-right tabular-nums">{entry.linesAccepted.toLocaleString("en")}</Td>
              <Td className="text-right tabular-nums">{entry.linesRejected.toLocaleString("en")}</Td>
              <Td>
                <Badge tone={STATUS_TONE[entry.status]}>{entry.status.toLowerCase()}</Badge>
              </Td>
              <Td>
                <Rejects entry={entry} />
              </Td>
              {canUndo && (
                <Td>
                  {entry.status === "DONE" && (
                    <Button size="sm" variant="secondary" onClick={() => setUndoing(entry)}>
                      Undo
                    </Button>
                  )}
                </Td>
              )}
            </tr>
          ))}
        </tbody>
      </Table>
      <ConfirmDialog
        open={undoing !== null}
        onOpenChange={(open) => !open && setUndoing(null)}
        title="Undo this import?"
        description={
          undoing
            ? `Everything the ${undoing.format} import of ${new Date(undoing.createdAt).toLocaleString()} added to "${undoing.surfaceName}" is subtracted.`
            : ""
        }
        confirmLabel="Undo import"
        pending={undo.isPending}
        onConfirm={() => undoing && undo.mutate(undoing.id, { onSettled: () => setUndoing(null) })}
      />
    </>
  );
}
