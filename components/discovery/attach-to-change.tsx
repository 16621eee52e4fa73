"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter, FormAlert } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/field";
import { LabelledSelect } from "@/components/ui/labelled-select";
import { LoadFailedState, LoadingState } from "@/components/ui/query-state";
import { useAttachGhosts, useDraftsForGhosts } from "@/lib/discovery/queries";
import type { TGhostProposal } from "@/lib/discovery/schemas";

const NEW_CHANGE = "";

/**
 * Puts the picked ghost edges into a draft change instead of onto the map: one of the person's own
 * drafts of this surface, or a new draft. The change then goes to classification and the CAB.
 */
export function AttachToChangeDialog({
  surfaceId,
  surfaceName,
  ghosts,
  open,
  onOpenChange,
  onAttached,
}: {
  surfaceId: string;
  surfaceName: string;
  ghosts: TGhostProposal[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onAttached: () => void;
}) {
  // The picks when the dialog opened: the panel clears its picks once they are added.
  const [chosen] = useState(ghosts);
  const drafts = useDraftsForGhosts(surfaceId, open);
  const attach = useAttachGhosts(surfaceId);
  const [changeId, setChangeId] = useState(NEW_CHANGE);
  const [title, setTitle] = useState(`Observed flows of ${surfaceName}`);
  const titleError = changeId === NEW_CHANGE && title.trim().length < 3 ? "must be at least 3 characters" : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (titleError) return;
    attach.mutate(
      { ghosts: chosen, justification: "", ...(changeId === NEW_CHANGE ? { title: title.trim() } : { changeId }) },
      { onSuccess: onAttached },
    );
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) attach.reset();
        onOpenChange(next);
      }}
      title={`Add ${chosen.length} observed ${chosen.length === 1 ? "flow" : "flows"} to a change`}
      description="Each becomes a flow the change adds; the change is classified and decided like any other."
    >
      {drafts.isPending && <LoadingState label="Loading your draft changes…" />}
      {drafts.isError && (
        <LoadFailedState title="Your draft changes could not be loaded" error={drafts.error} onRetry={() => void drafts.refetch()} />
      )}
      {drafts.data && !attach.isSuccess && (
        <form onSubmit={submit} className="flex flex-col gap-3">
          <LabelledSelect
            label="Change"
            value={changeId}
            onChange={(event) => setChangeId(event.target.value)}
            options={[
              { value: NEW_CHANGE, label: "A new draft change" },
              ...drafts.data.map((draft) => ({ value: draft.id, label: `#${draft.number} ${draft.title}` })),
            ]}
          />
          {changeId === NEW_CHANGE && (
            <Field label="Title of the new change" error={titleError}>
              {(props) => <Input {...props} value={title} maxLength={200} onChange={(event) => setTitle(event.target.value)} />}
            </Field>
          )}
          <FormAlert message={attach.error?.message} />
          <DialogFooter
            onCancel={() => onOpenChange(false)}
            submitLabel="Add to the change"
            pendingLabel="Adding…"
            pending={attach.isPending}
            disabled={Boolean(titleError)}
          />
        </form>
      )}
      {attach.isSuccess && (
        <div className="flex flex-col gap-3">
          <p role="status" className="text-sm">
            {attach.data.added} {attach.data.added === 1 ? "flow" : "flows"} added to{" "}
            <Link className="font-medium underline" href={`/changes/${attach.data.changeId}`}>
              change #{attach.data.changeNumber}
            </Link>
            {attach.data.created ? " (a new draft)" : ""}.
          </p>
          <div className="flex justify-end">
            <Button onClick={() => onOpenChange(false)}>Close</Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
