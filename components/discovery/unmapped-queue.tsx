"use client";

import { EmptyState } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { LoadFailedState, LoadingState } from "@/components/ui/query-state";
import { useOverlay } from "@/lib/discovery/queries";

/** Observed endpoints no node of the map claims, grouped by /24, /64 or namespace. */
export function UnmappedQueue({ surfaceId }: { surfaceId: string }) {
  const overlay = useOverlay(surfaceId, true);
  if (overlay.isPending) return <LoadingState label="Loading the unmapped queue…" />;
  if (overlay.isError)
    return <LoadFailedState title="The unmapped queue could not be loaded" error={overlay.error} onRetry={() => void overlay.refetch()} />;
  if (overlay.data.unmapped.length === 0)
    return <EmptyState title="Nothing unmapped" description="Every observed endpoint belongs to a node of this map." />;
  return (
    <Table aria-label="Unmapped traffic">
      <thead>
        <tr>
          <Th>Group</Th>
          <Th>Endpoints seen</Th>
          <Th className="text-right">Connections</Th>
          <Th className="text-right">Denied</Th>
          <Th>Last seen</Th>
        </tr>
      </thead>
      <tbody>
        {overlay.data.unmapped.map((group) => (
          <tr key={group.group}>
            <Td className="font-mono text-xs">{group.group}</Td>
            <Td className="text-xs">{group.endpoints.join(", ")}</Td>
            <Td className="text-right tabular-nums">{group.connections.toLocaleString("en")}</Td>
            <Td className="text-right tabular-nums">{group.denied.toLocaleString("en")}</Td>
            <Td>{new Date(group.lastSeen).toLocaleString()}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
