"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CountedTextarea } from "@/components/ui/counted-field";
import { useComments, useDecisions, useRecordDecision, useSurface } from "@/lib/surfaces/queries";
import type { TPerson, TSurface } from "@/lib/surfaces/schemas";
import { ClassificationBadge, DAAS_LABELS } from "./labels";
import { SurfaceHeader } from "./surface-detail";
import { SignOffPanel } from "./signoff-panel";
import { CommentsPanel } from "./comments-panel";

function DecisionsPanel({ surfaceId, canRecord }: { surfaceId: string; canRecord: boolean }) {
  const decisions = useDecisions(surfaceId);
  const record = useRecordDecision(surfaceId);
  const [text, setText] = useState("");
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return;
    record.mutate(text, { onSuccess: () => setText(""), onError: (error) => toast.error(error.message) });
  }
  return (
    <Card aria-labelledby="decisions-heading" className="flex flex-col gap-3">
      <h2 id="decisions-heading" className="text-base font-semibold">
        Decisions
      </h2>
      {decisions.isError && (
        <p role="alert" className="text-sm text-danger">
          Decisions could not be loaded: {decisions.error.message}
        </p>
      )}
      {decisions.isPending && <p className="text-sm text-muted">Loading decisions…</p>}
      {decisions.data?.length === 0 && <p className="text-sm text-muted">No decisions recorded yet.</p>}
      <ol className="flex flex-col gap-2 text-sm">
        {decisions.data?.map((decision) => (
          <li key={decision.id} className="rounded-md border border-border p-2">
            <p className="whitespace-pre-wrap">{decision.text}</p>
            <p className="mt-1 text-xs text-muted">
              {decision.recordedBy.name} · {new Date(decision.createdAt).toLocaleString()}
            </p>
          </li>
        ))}
      </ol>
      {canRecord && (
        <form onSubmit={submit} className="flex flex-col gap-2">
          <CountedTextarea
            aria-label="New decision"
            placeholder="What did both teams decide?"
            value={text}
            max={10_000}
            onChange={(event) => setText(event.target.value)}
            className="min-h-16"
          />
          <div>
            <Button type="submit" size="sm" variant="secondary" disabled={record.isPending || !text.trim()}>
              Record decision
            </Button>
          </div>
        </form>
      )}
    </Card>
  );
}

/** One screen for a joint session: elements with their questions, owners, state, decisions, sign-off. */
export function Workshop({ initial, people, actorId }: { initial: TSurface; people: TPerson[]; actorId: string }) {
  const { data: surface = initial } = useSurface(initial.id, initial);
  const comments = useComments(surface.id);
  const openCount = (elementId: string | null) =>
    (comments.data ?? []).filter((c) => c.elementId === elementId && !c.parentId && !c.resolvedAt).length;
  const totalOpen = (comments.data ?? []).filter((c) => !c.parentId && !c.resolvedAt).length;
  return (
    <>
      <SurfaceHeader surface={surface}>
        <Button variant="secondary" asChild>
          <Link href={`/surfaces/${surface.id}`}>Surface details</Link>
        </Button>
      </SurfaceHeader>
      <p className="mb-4 text-sm text-muted">
        Workshop · {surface.netopsOwner?.name ?? "no NetOps owner"} (NetOps) and {surface.secopsOwner?.name ?? "no SecOps owner"} (SecOps) ·{" "}
        {totalOpen} open question{totalOpen === 1 ? "" : "s"}
      </p>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="flex min-w-0 flex-col gap-4">
          <Card aria-labelledby="surface-questions-heading" className="flex flex-col gap-3">
            <h2 id="surface-questions-heading" className="text-base font-semibold">
              Open questions on the surface
            </h2>
            <CommentsPanel
              surfaceId={surface.id}
              elementId={null}
              canComment={surface.abilities.comment}
              title="Questions on the surface"
            />
          </Card>
          <h2 className="text-lg font-semibold">Elements</h2>
          {surface.elements.length === 0 && (
            <p className="text-sm text-muted">This surface has no elements yet; add them from the surface page.</p>
          )}
          {surface.elements.map((element) => (
            <Card key={element.id} aria-label={`Element ${element.name}`} className="flex flex-col gap-3">
              <div className="flex flex-wrap items-center gap-2">
                <span className="text-xs font-medium tracking-wide text-muted uppercase">{DAAS_LABELS[element.type]}</span>
                <h3 className="font-semibold">{element.name}</h3>
                <ClassificationBadge classification={element.classification} />
                <span className="text-xs text-muted">{openCount(element.id)} open</span>
              </div>
              {element.description && <p className="text-sm text-muted">{element.description}</p>}
              <CommentsPanel
                surfaceId={surface.id}
                elementId={element.id}
                canComment={surface.abilities.comment}
                title={`Questions on ${element.name}`}
              />
            </Card>
          ))}
        </div>
        <div className="flex flex-col gap-6">
          <SignOffPanel surface={surface} people={people} actorId={actorId} />
          <DecisionsPanel surfaceId={surface.id} canRecord={surface.abilities.comment} />
        </div>
      </div>
    </>
  );
}
