"use client";

import type { ReactNode } from "react";
import type { UseQueryResult } from "@tanstack/react-query";
import { Button } from "./button";
import { EmptyState } from "./card";

/** The placeholder a list shows while its query loads. */
export function LoadingState({ label }: { label: string }) {
  return (
    <p role="status" className="rounded-lg border border-border bg-surface px-4 py-8 text-center text-sm text-muted">
      {label}
    </p>
  );
}

/** A failed query: what could not be loaded, the reason, and a retry. */
export function LoadFailedState({ title, error, onRetry }: { title: string; error: Error; onRetry: () => void }) {
  return (
    <EmptyState
      title={title}
      description={error.message}
      action={
        <Button variant="secondary" onClick={onRetry}>
          Try again
        </Button>
      }
    />
  );
}

/**
 * The ladder every query-backed view climbs: loading, failed with a retry, then its data (where the
 * view decides on its own empty state). One place, so no list forgets a state.
 */
export function QueryStates<T>({
  query,
  loading,
  failed,
  children,
}: {
  query: UseQueryResult<T>;
  /** What is loading, as the status line says it: "Loading tokens…". */
  loading: string;
  /** What could not be loaded: "The tokens could not be loaded". */
  failed: string;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <LoadingState label={loading} />;
  if (query.isError) return <LoadFailedState title={failed} error={query.error} onRetry={() => void query.refetch()} />;
  return children(query.data);
}
