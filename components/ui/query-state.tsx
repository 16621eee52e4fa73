"use client";

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
