"use client";

import { useState } from "react";
import { DropdownMenu } from "radix-ui";
import { LogOut, MoreHorizontal, Pencil, UserCheck, UserX } from "lucide-react";
import { toast } from "sonner";
import type { TUser } from "@/lib/users/schemas";
import { useEndUserSessions, useSetUserStatus } from "@/lib/users/queries";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EditUserDialog } from "./user-form-dialog";

const itemClass =
  "flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-surface-2 data-[disabled]:cursor-default data-[disabled]:opacity-50";

function failureMessage(error: unknown): string {
  return error instanceof Error ? error.message : "The request failed.";
}

function sessionsPhrase(count: number): string {
  return count === 1 ? "1 open session" : `${count} open sessions`;
}

/** The per-user menu: edit, disable or re-enable, end sessions; the consequential ones ask first. */
export function UserActions({ user, isSelf }: { user: TUser; isSelf: boolean }) {
  const [dialog, setDialog] = useState<"edit" | "status" | "sessions" | null>(null);
  const setStatus = useSetUserStatus();
  const endSessions = useEndUserSessions();
  const disabling = user.status === "ACTIVE";
  const close = (open: boolean) => !open && setDialog(null);

  function changeStatus() {
    setStatus.mutate(
      { id: user.id, status: disabling ? "DISABLED" : "ACTIVE" },
      {
        onSuccess: (updated) => {
          toast.success(disabling ? `${updated.name} was disabled and signed out` : `${updated.name} can sign in again`);
          setDialog(null);
        },
        onError: (error) => toast.error(failureMessage(error)),
      },
    );
  }

  function endAllSessions() {
    endSessions.mutate(user.id, {
      onSuccess: ({ ended }) => {
        toast.success(`Ended ${sessionsPhrase(ended).replace("open ", "")} of ${user.name}`);
        setDialog(null);
      },
      onError: (error) => toast.error(failureMessage(error)),
    });
  }

  return (
    <>
      <DropdownMenu.Root>
        <DropdownMenu.Trigger asChild>
          <Button variant="ghost" size="icon" aria-label={`Actions for ${user.name}`}>
            <MoreHorizontal aria-hidden className="h-4 w-4" />
          </Button>
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content
            align="end"
            sideOffset={4}
            className="z-40 w-52 rounded-md border border-border bg-surface p-1 text-fg shadow-lg"
          >
            <DropdownMenu.Item className={itemClass} onSelect={() => setDialog("edit")}>
              <Pencil aria-hidden className="h-4 w-4" /> Edit
            </DropdownMenu.Item>
            <DropdownMenu.Item className={itemClass} disabled={user.activeSessions === 0} onSelect={() => setDialog("sessions")}>
              <LogOut aria-hidden className="h-4 w-4" /> End all sessions
            </DropdownMenu.Item>
            <DropdownMenu.Separator className="my-1 h-px bg-border" />
            <DropdownMenu.Item className={itemClass} disabled={isSelf && disabling} onSelect={() => setDialog("status")}>
              {disabling ? (
                <UserX aria-hidden className="h-4 w-4 text-danger" />
              ) : (
                <UserCheck aria-hidden className="h-4 w-4 text-success" />
              )}
              {disabling ? "Disable" : "Re-enable"}
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>

      {dialog === "edit" && <EditUserDialog user={user} onOpenChange={close} />}
      <ConfirmDialog
        open={dialog === "status"}
        onOpenChange={close}
        title={disabling ? `Disable ${user.name}?` : `Re-enable ${user.name}?`}
        description={
          disabling
            ? `${user.activeSessions > 0 ? `${user.name} is signed out at once (${sessionsPhrase(user.activeSessions)} ${user.activeSessions === 1 ? "ends" : "end"}), cannot` : `${user.name} cannot`} sign in, and their API tokens stop working until re-enabled.`
            : `${user.name} can sign in again with their existing password. Sessions ended while disabled stay ended.`
        }
        confirmLabel={disabling ? "Disable user" : "Re-enable user"}
        tone={disabling ? "danger" : "primary"}
        pending={setStatus.isPending}
        onConfirm={changeStatus}
      />
      <ConfirmDialog
        open={dialog === "sessions"}
        onOpenChange={close}
        title={`End all sessions of ${user.name}?`}
        description={`${user.name} has ${sessionsPhrase(user.activeSessions)}. Each ends now; they can sign in again.`}
        confirmLabel="End sessions"
        pending={endSessions.isPending}
        onConfirm={endAllSessions}
      />
    </>
  );
}
