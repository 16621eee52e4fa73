"use client";

import { useState } from "react";
import { LogOut, Monitor, Smartphone, Tablet, Tv, HelpCircle } from "lucide-react";
import { toast } from "sonner";
import type { TAccountSession } from "@/lib/account/schemas";
import { useOwnSessions, useRevokeOtherSessions, useRevokeSession } from "@/lib/account/queries";
import { Button } from "@/components/ui/button";
import { Badge, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { LoadFailedState, LoadingState } from "@/components/ui/query-state";
import { ConfirmDialog } from "@/components/ui/dialog";
import { formatAgo, formatUtc } from "@/components/ui/format";

const DEVICE_ICONS = { desktop: Monitor, mobile: Smartphone, tablet: Tablet, tv: Tv, unknown: HelpCircle } as const;

function failureMessage(error: unknown): string {
  return error instanceof Error ? error.message : "The request failed.";
}

function SessionRow({ session, onRevoke, revoking }: { session: TAccountSession; onRevoke: () => void; revoking: boolean }) {
  const Icon = DEVICE_ICONS[session.device.type];
  return (
    <tr data-testid="session-row" data-session-id={session.id}>
      <Td>
        <div className="flex items-center gap-2">
          <Icon aria-hidden className="h-4 w-4 shrink-0 text-muted" />
          <span className="font-medium" title={session.userAgent ?? undefined}>
            {session.device.label}
          </span>
          {session.current && <Badge tone="accent">This browser</Badge>}
        </div>
      </Td>
      <Td className="font-mono text-xs">{session.ip ?? "Unknown"}</Td>
      <Td>
        <time dateTime={session.createdAt} title={formatUtc(session.createdAt)}>
          {formatAgo(session.createdAt)}
        </time>
      </Td>
      <Td>
        <time dateTime={session.lastSeenAt} title={formatUtc(session.lastSeenAt)}>
          {session.current ? "Now" : formatAgo(session.lastSeenAt)}
        </time>
      </Td>
      <Td className="text-right">
        {!session.current && (
          <Button
            variant="secondary"
            size="sm"
            onClick={onRevoke}
            disabled={revoking}
            aria-label={`Sign out ${session.device.label}, signed in ${formatAgo(session.createdAt)}`}
          >
            Sign out
          </Button>
        )}
      </Td>
    </tr>
  );
}

/** Where the person is signed in, and the way to end any of it from here. */
export function OwnSessions() {
  const sessions = useOwnSessions();
  const revoke = useRevokeSession();
  const revokeOthers = useRevokeOtherSessions();
  const [confirming, setConfirming] = useState(false);
  const others = sessions.data?.filter((session) => !session.current).length ?? 0;

  function signOutOthers() {
    revokeOthers.mutate(undefined, {
      onSuccess: ({ ended }) => {
        toast.success(ended === 1 ? "Signed out of 1 other session" : `Signed out of ${ended} other sessions`);
        setConfirming(false);
      },
      onError: (error) => toast.error(failureMessage(error)),
    });
  }

  function signOutOne(session: TAccountSession) {
    revoke.mutate(session.id, {
      onSuccess: () => toast.success(`Signed out ${session.device.label}`),
      onError: (error) => toast.error(failureMessage(error)),
    });
  }

  return (
    <>
      <PageHeader
        title="Sessions"
        description="Where you are signed in. Sign out a browser you no longer use or do not recognise; it is signed out on its next request."
        actions={
          <Button variant="danger" onClick={() => setConfirming(true)} disabled={others === 0}>
            <LogOut aria-hidden className="h-4 w-4" />
            Sign out everywhere else
          </Button>
        }
      />
      {sessions.isPending && <LoadingState label="Loading your sessions…" />}
      {sessions.isError && (
        <LoadFailedState title="Your sessions could not be loaded" error={sessions.error} onRetry={() => void sessions.refetch()} />
      )}
      {sessions.data && (
        <Table aria-label="Your open sessions">
          <thead>
            <tr>
              <Th>Device</Th>
              <Th>Address</Th>
              <Th>Signed in</Th>
              <Th>Last used</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {sessions.data.map((session) => (
              <SessionRow
                key={session.id}
                session={session}
                onRevoke={() => signOutOne(session)}
                revoking={revoke.isPending && revoke.variables === session.id}
              />
            ))}
          </tbody>
        </Table>
      )}
      {sessions.data && others === 0 && <p className="mt-3 text-sm text-muted">You are not signed in anywhere else.</p>}
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title="Sign out everywhere else?"
        description={`Every other browser and device signed in as you (${others}) is signed out; this one stays signed in.`}
        confirmLabel="Sign out others"
        pending={revokeOthers.isPending}
        onConfirm={signOutOthers}
      />
    </>
  );
}
