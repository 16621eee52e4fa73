"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Network, Pencil, ShieldCheck, Trash2, Users } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { useQueryClient } from "@tanstack/react-query";
import { ApiRequestError } from "@/lib/api/client";
import { surfaceKeys, useDeleteSurface, useSurface, useUpdateSurface } from "@/lib/surfaces/queries";
import type { TPerson, TSurface } from "@/lib/surfaces/schemas";
import { ClassificationBadge, CriticalityBadge, DAAS_LABELS, StatusBadge } from "./labels";
import { draftOf, inputOf, SurfaceForm, type TSurfaceDraft } from "./surface-form";
import { SignOffPanel } from "./signoff-panel";
import { OwnerChangePanel } from "./owner-change";
import { HistoryPanel } from "./history-panel";
import { KiplingPanel } from "./kipling-panel";
import { CommentsPanel } from "./comments-panel";

export function SurfaceHeader({ surface, children }: { surface: TSurface; children?: React.ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
      <div>
        <p className="text-sm">
          <Link href="/surfaces" className="text-muted hover:text-fg hover:underline">
            Protect surfaces
          </Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">{surface.name}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
          <span data-testid="surface-status">
            <StatusBadge status={surface.status} />
          </span>
          <span className="text-muted" data-testid="surface-version">
            Version {surface.version}
          </span>
          <ClassificationBadge classification={surface.classification} />
          <CriticalityBadge criticality={surface.criticality} />
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-2">{children}</div>
    </div>
  );
}

/** Shown when the save was refused because someone else saved first: nothing is overwritten. */
function ConflictBanner({ current, onDiscard, onKeep }: { current: TSurface; onDiscard: () => void; onKeep: () => void }) {
  return (
    <div role="alert" className="rounded-md border border-warning/50 bg-warning/10 p-3 text-sm">
      <p className="font-semibold">Your changes were not saved: someone else saved this surface while you were editing.</p>
      <p className="mt-1 text-muted">
        It is now version {current.version} (
        {current.status === "AGREED" ? "agreed" : current.status === "IN_REVIEW" ? "in review" : "draft"}). Load the latest version and lose
        your edits, or keep your edits and save them over the latest on purpose.
      </p>
      <div className="mt-2 flex gap-2">
        <Button size="sm" variant="secondary" onClick={onDiscard}>
          Load the latest version
        </Button>
        <Button size="sm" variant="secondary" onClick={onKeep}>
          Keep my edits
        </Button>
      </div>
    </div>
  );
}

function Overview({ surface }: { surface: TSurface }) {
  return (
    <Card className="flex flex-col gap-4" aria-labelledby="overview-heading">
      <h2 id="overview-heading" className="text-base font-semibold">
        Overview
      </h2>
      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
        <div className="sm:col-span-2">
          <dt className="text-muted">Purpose</dt>
          <dd className="whitespace-pre-wrap">{surface.purpose || "—"}</dd>
        </div>
        <div>
          <dt className="text-muted">NetOps owner</dt>
          <dd>{surface.netopsOwner?.name ?? "Not set"}</dd>
        </div>
        <div>
          <dt className="text-muted">SecOps owner</dt>
          <dd>{surface.secopsOwner?.name ?? "Not set"}</dd>
        </div>
        <div>
          <dt className="text-muted">Business owner</dt>
          <dd>{surface.businessOwner || "—"}</dd>
        </div>
        <div>
          <dt className="text-muted">Environment</dt>
          <dd>{surface.environment || "—"}</dd>
        </div>
        <div>
          <dt className="text-muted">Classification</dt>
          <dd>{surface.classificationOverride ? "Raised by hand above its elements" : "The highest of its elements"}</dd>
        </div>
        <div>
          <dt className="text-muted">Tags</dt>
          <dd>{surface.tags.length ? surface.tags.join(", ") : "—"}</dd>
        </div>
        {surface.notes && (
          <div className="sm:col-span-2">
            <dt className="text-muted">Notes</dt>
            <dd className="whitespace-pre-wrap">{surface.notes}</dd>
          </div>
        )}
      </dl>
      <h3 className="text-sm font-semibold">DAAS elements</h3>
      {surface.elements.length === 0 ? (
        <EmptyState title="No elements yet" description="Edit the surface to add its data, applications, assets and services." />
      ) : (
        <Table aria-label="DAAS elements">
          <thead>
            <tr>
              <Th>Type</Th>
              <Th>Name</Th>
              <Th>Description</Th>
              <Th>Classification</Th>
            </tr>
          </thead>
          <tbody>
            {surface.elements.map((element) => (
              <tr key={element.id}>
                <Td>{DAAS_LABELS[element.type]}</Td>
                <Td className="font-medium">{element.name}</Td>
                <Td className="text-muted">{element.description || "—"}</Td>
                <Td>
                  <ClassificationBadge classification={element.classification} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}

export function SurfaceDetail({ initial, people, actorId }: { initial: TSurface; people: TPerson[]; actorId: string }) {
  const router = useRouter();
  const { data: surface = initial } = useSurface(initial.id, initial);
  const update = useUpdateSurface(initial.id);
  const queryClient = useQueryClient();
  const remove = useDeleteSurface(initial.id);
  /** The version the form was opened on: what the server checks the save against. */
  const [editing, setEditing] = useState<{ baseVersion: number; formKey: number; initial: TSurfaceDraft } | null>(null);
  const [conflict, setConflict] = useState<TSurface | null>(null);

  function save(draft: TSurfaceDraft) {
    if (!editing) return;
    update.mutate(
      { ...inputOf(draft), version: editing.baseVersion },
      {
        onSuccess: (saved) => {
          setEditing(null);
          setConflict(null);
          toast.success(saved.version > editing.baseVersion ? `Saved as version ${saved.version}.` : "No changes to save.");
        },
        onError: (error) => {
          if (error instanceof ApiRequestError && error.status === 409 && error.current) {
            // Show the state that won everywhere on the page; the form keeps the user's edits.
            queryClient.setQueryData(surfaceKeys.detail(initial.id), error.current);
            void queryClient.invalidateQueries({ queryKey: surfaceKeys.versions(initial.id) });
            setConflict(error.current as TSurface);
          } else toast.error(error.message);
        },
      },
    );
  }

  return (
    <>
      <SurfaceHeader surface={surface}>
        <Button variant="secondary" asChild>
          <Link href={`/surfaces/${surface.id}/workshop`}>
            <Users aria-hidden className="h-4 w-4" /> Workshop
          </Link>
        </Button>
        <Button variant="secondary" asChild>
          <Link href={`/surfaces/${surface.id}/map`} prefetch={false}>
            <Network aria-hidden className="h-4 w-4" /> Flow map
          </Link>
        </Button>
        <Button variant="secondary" asChild>
          <Link href={`/surfaces/${surface.id}/policy`} prefetch={false}>
            <ShieldCheck aria-hidden className="h-4 w-4" /> Policy
          </Link>
        </Button>
        {surface.abilities.edit && !editing && (
          <Button onClick={() => setEditing({ baseVersion: surface.version, formKey: Date.now(), initial: draftOf(surface) })}>
            <Pencil aria-hidden className="h-4 w-4" /> Edit
          </Button>
        )}
        {surface.abilities.delete && (
          <Button
            variant="danger"
            disabled={remove.isPending}
            onClick={() => {
              if (!window.confirm(`Delete “${surface.name}” and its history? This cannot be undone.`)) return;
              remove.mutate(undefined, {
                onSuccess: () => {
                  toast.success("Surface deleted.");
                  router.push("/surfaces");
                },
                onError: (error) => toast.error(error.message),
              });
            }}
          >
            <Trash2 aria-hidden className="h-4 w-4" /> Delete
          </Button>
        )}
      </SurfaceHeader>
      {surface.status === "AGREED" && editing && (
        <p className="mb-4 rounded-md border border-warning/40 bg-warning/10 px-3 py-2 text-sm">
          This surface is agreed. Saving a change opens version {surface.version + 1} for review and both teams sign off again.
        </p>
      )}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="flex min-w-0 flex-col gap-6">
          {editing ? (
            <Card>
              <h2 className="mb-4 text-base font-semibold">Edit version {editing.baseVersion}</h2>
              <SurfaceForm
                key={editing.formKey}
                initial={editing.initial}
                people={people}
                submitLabel="Save changes"
                pending={update.isPending}
                error={update.error}
                onSubmit={save}
                onCancel={() => {
                  setEditing(null);
                  setConflict(null);
                  update.reset();
                }}
                banner={
                  conflict && (
                    <ConflictBanner
                      current={conflict}
                      onDiscard={() => {
                        setEditing({ baseVersion: conflict.version, formKey: Date.now(), initial: draftOf(conflict) });
                        setConflict(null);
                        update.reset();
                      }}
                      onKeep={() => {
                        setEditing({ ...editing, baseVersion: conflict.version });
                        setConflict(null);
                        update.reset();
                        toast.info(`Your edits now apply on top of version ${conflict.version}; save again to replace it.`);
                      }}
                    />
                  )
                }
              />
            </Card>
          ) : (
            <Overview surface={surface} />
          )}
          <KiplingPanel surfaceId={surface.id} canWrite={surface.abilities.edit} />
          <HistoryPanel surfaceId={surface.id} people={people} />
        </div>
        <div className="flex flex-col gap-6">
          <SignOffPanel surface={surface} people={people} actorId={actorId} />
          {surface.abilities.replaceOwner && <OwnerChangePanel surface={surface} people={people} actorId={actorId} />}
          <Card aria-labelledby="discussion-heading" className="flex flex-col gap-3">
            <h2 id="discussion-heading" className="text-base font-semibold">
              Discussion
            </h2>
            <CommentsPanel surfaceId={surface.id} elementId={null} canComment={surface.abilities.comment} title="Discussion" />
          </Card>
        </div>
      </div>
    </>
  );
}
