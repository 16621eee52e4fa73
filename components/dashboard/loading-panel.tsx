/** What a dashboard page shows while its figures are computed on the server. */
export function LoadingPanel({ label }: { label: string }) {
  return (
    <div role="status" aria-live="polite" className="space-y-4">
      <span className="sr-only">{label}</span>
      <div className="h-8 w-64 animate-pulse rounded bg-surface-2" />
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="h-72 animate-pulse rounded-lg bg-surface-2 lg:col-span-2" />
        <div className="h-72 animate-pulse rounded-lg bg-surface-2" />
      </div>
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {[0, 1, 2, 3].map((index) => (
          <div key={index} className="h-36 animate-pulse rounded-lg bg-surface-2" />
        ))}
      </div>
    </div>
  );
}
