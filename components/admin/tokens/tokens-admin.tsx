"use client";

import { useState } from "react";
import { KeyRound } from "lucide-react";
import { toast } from "sonner";
import type { TApiToken } from "@/lib/tokens/schemas";
import { useApiTokens, useRevokeApiToken } from "@/lib/tokens/queries";
import { Button } from "@/components/ui/button";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { formatAgo, formatUtc } from "@/components/ui/format";
import { ConfirmDialog } from "@/components/ui/dialog";
import { CreateTokenDialog } from "./create-token-dialog";
import { ServiceAccounts } from "./service-accounts";
import { QueryStates } from "@/components/ui/query-state";

function When({ iso, fallback }: { iso: string | null; fallback: string }) {
  if (!iso) return <span className="text-muted">{fallback}</span>;
  return (
    <time dateTime={iso} title={formatUtc(iso)}>
      {formatAgo(iso)}
    </time>
  );
}

export function TokensAdmin() {
  const [includeRevoked, setIncludeRevoked] = useState(false);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<TApiToken | null>(null);
  const tokens = useApiTokens({ includeRevoked });
  const revoke = useRevokeApiToken();

  function confirmRevoke() {
    if (!revoking) return;
    revoke.mutate(revoking.id, {
      onSuccess: (token) => {
        toast.success(`Token "${token.name}" revoked`);
        setRevoking(null);
      },
      onError: (error) => toast.error(error.message),
    });
  }

  return (
    <>
      <PageHeader
        title="API tokens"
        description="Tokens let automation call the Concord API as the admin who issues them or as a service account, never as another person. A token never signs off, votes, approves, verifies or assesses. Only a hash is stored; a token stops working when it is revoked or its account is disabled."
        actions={
          <Button onClick={() => setCreating(true)}>
            <KeyRound aria-hidden className="h-4 w-4" /> New token
          </Button>
        }
      />
      <label className="mb-4 flex w-fit items-center gap-2 text-sm">
        <input
          type="checkbox"
          className="h-4 w-4 accent-[var(--accent)]"
          checked={includeRevoked}
          onChange={(event) => setIncludeRevoked(event.target.checked)}
        />
        Show revoked tokens
      </label>

      <QueryStates query={tokens} loading="Loading tokens…" failed="The tokens could not be loaded">
        {(data) =>
          data.length === 0 ? (
            <EmptyState
              title={includeRevoked ? "No tokens have been issued" : "No live tokens"}
              description="Issue a token for a pipeline or script that needs the API."
              action={<Button onClick={() => setCreating(true)}>New token</Button>}
            />
          ) : (
            <Table aria-label="API tokens">
              <thead>
                <tr>
                  <Th>Name</Th>
                  <Th>Acts as</Th>
                  <Th>Created</Th>
                  <Th>Last used</Th>
                  <Th>Status</Th>
                  <Th>
                    <span className="sr-only">Actions</span>
                  </Th>
                </tr>
              </thead>
              <tbody>
                {data.map((token) => (
                  <tr key={token.id} className={token.revokedAt ? "text-muted" : undefined}>
                    <Td className="font-medium">{token.name}</Td>
                    <Td>
                      <div>
                        {token.userName}
                        {token.actsAs === "SERVICE_ACCOUNT" && (
                          <>
                            {" "}
                            <Badge tone="neutral">Service account</Badge>
                          </>
                        )}
                      </div>
                      <div className="text-xs text-muted">{token.userEmail}</div>
                    </Td>
                    <Td className="whitespace-nowrap">
                      <When iso={token.createdAt} fallback="" />
                    </Td>
                    <Td className="whitespace-nowrap">
                      <When iso={token.lastUsedAt} fallback="Never" />
                    </Td>
                    <Td className="whitespace-nowrap">
                      {token.revokedAt ? (
                        <span className="flex items-center gap-2">
                          <Badge tone="danger">Revoked</Badge>
                          <When iso={token.revokedAt} fallback="" />
                        </span>
                      ) : (
                        <Badge tone="success">Live</Badge>
                      )}
                    </Td>
                    <Td className="text-right">
                      {!token.revokedAt && (
                        <Button variant="secondary" size="sm" onClick={() => setRevoking(token)} aria-label={`Revoke ${token.name}`}>
                          Revoke
                        </Button>
                      )}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )
        }
      </QueryStates>
      <ServiceAccounts />
      <CreateTokenDialog open={creating} onOpenChange={setCreating} />
      <ConfirmDialog
        open={revoking !== null}
        onOpenChange={(open) => !open && setRevoking(null)}
        title={`Revoke "${revoking?.name ?? ""}"?`}
        description="Every request that uses this token is refused from now on. This cannot be undone; issue a new token if it is needed again."
        confirmLabel="Revoke token"
        pending={revoke.isPending}
        onConfirm={confirmRevoke}
      />
    </>
  );
}
