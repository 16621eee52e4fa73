"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import Link from "next/link";
import { useQueryClient } from "@tanstack/react-query";
import { CheckCircle2, Clock, FilePen } from "lucide-react";
import { surfaceKeys, useSurface } from "@/lib/surfaces/queries";
import type { TSurface } from "@/lib/surfaces/schemas";
import type { TMapEvent } from "@/lib/maps/model/schemas";
import { cn } from "@/lib/ui/cn";
import { ConfirmDialog } from "./panels";

const TEAMS = { NETOPS: "NetOps", SECOPS: "SecOps" } as const;

/**
 * Guards an agreed map: before the first edit that changes what both owners agreed to, the person is
 * told that it reopens the surface for review and voids both sign-offs, and asked. Moving nodes never
 * asks. The surface's state comes from its query, refreshed after such an edit and whenever live
 * edits may have changed it (someone else reopened it, or the owners' agreement approved flows).
 */
export function useAgreementGuard(surfaceId: string, initialSurface: TSurface) {
  const queryClient = useQueryClient();
  const surface = useSurface(surfaceId, initialSurface).data ?? initialSurface;
  const status = useRef(surface.status);
  const acknowledged = useRef(false);
  const pending = useRef<Promise<boolean> | null>(null);
  const [answer, setAnswer] = useState<((confirmed: boolean) => void) | null>(null);

  useEffect(() => {
    // Agreed anew (both owners signed again): the next content edit asks again.
    if (surface.status === "AGREED" && status.current !== "AGREED") acknowledged.current = false;
    status.current = surface.status;
  }, [surface.status]);

  const refresh = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: surfaceKeys.detail(surfaceId) }),
    [queryClient, surfaceId],
  );

  const confirmContentEdit = useCallback(async () => {
    if (status.current !== "AGREED" || acknowledged.current) return true;
    pending.current ??= new Promise<boolean>((resolve) => {
      const ask = () =>
        setAnswer(() => (confirmed: boolean) => {
          setAnswer(null);
          pending.current = null;
          if (confirmed) acknowledged.current = true;
          resolve(confirmed);
        });
      // In a task of its own: the key that made the edit (Enter in a field) is still being delivered,
      // and would otherwise press the dialog's focused button.
      setTimeout(ask, 0);
    });
    return pending.current;
  }, []);

  /** After a saved edit: an agreed surface has just been reopened by it. */
  const onSaved = useCallback(() => {
    if (status.current === "AGREED" && acknowledged.current) refresh();
  }, [refresh]);

  const onLiveEvents = useCallback(
    (events: TMapEvent[]) => {
      const approved = events.some((event) => (event.after as { status?: string } | null)?.status === "APPROVED");
      if (status.current === "AGREED" || approved) refresh();
    },
    [refresh],
  );

  const dialog = (
    <ConfirmDialog
      open={answer !== null}
      onOpenChange={(open) => !open && answer?.(false)}
      title="Reopen the agreed surface?"
      description={`NetOps and SecOps agreed version ${surface.version} of ${surface.name}. Changing the map's nodes or flows (moving them does not count) reopens it for review as a new version and voids both sign-offs: both owners must sign off again. Both owners are notified.`}
      confirmLabel="Edit and reopen"
      cancelLabel="Keep it agreed"
      onConfirm={() => answer?.(true)}
    />
  );
  return { surface, confirmContentEdit, onSaved, onLiveEvents, dialog };
}

const TONE = {
  AGREED: { icon: CheckCircle2, className: "border-success/40 bg-success/10" },
  IN_REVIEW: { icon: Clock, className: "border-warning/40 bg-warning/10" },
  DRAFT: { icon: FilePen, className: "border-border bg-surface-2" },
} as const;

/** The surface's agreement as the map page shows it, above the canvas. */
export function AgreementBanner({ surface, canEdit }: { surface: TSurface; canEdit: boolean }) {
  const { icon: Icon, className } = TONE[surface.status];
  const waiting = surface.waitingOn.map((team) => TEAMS[team]).join(" and ");
  return (
    <div
      role="status"
      data-testid="agreement-state"
      className={cn("flex flex-wrap items-center gap-x-3 gap-y-1 border-b px-4 py-1.5 text-xs", className)}
    >
      <Icon aria-hidden className="h-4 w-4 shrink-0" />
      <strong className="font-semibold">
        {surface.status === "AGREED" ? "Agreed" : surface.status === "IN_REVIEW" ? "In review" : "Draft"} · version {surface.version}
      </strong>
      <span className="text-muted">
        {surface.status === "AGREED"
          ? `Signed off by NetOps and SecOps.${canEdit ? " Moving nodes keeps it agreed; changing nodes or flows reopens it and voids both sign-offs (you are asked first)." : ""}`
          : surface.status === "IN_REVIEW"
            ? waiting
              ? `Waiting for ${waiting} to sign off.`
              : "Signed off by both teams."
            : "Not submitted for review yet."}
      </span>
      <Link href={`/surfaces/${surface.id}`} className="ml-auto font-medium text-accent underline">
        Sign-offs
      </Link>
    </div>
  );
}
