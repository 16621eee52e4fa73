"use client";

/** What the editor says about the map above and on the canvas: read-only, a past version, an empty map. */
export function EditorNotices({
  canEdit,
  viewVersion,
  loadingPast,
  onBackToLive,
}: {
  canEdit: boolean;
  viewVersion: number | null;
  loadingPast: boolean;
  onBackToLive: () => void;
}) {
  return (
    <>
      {!canEdit && (
        <p role="status" className="border-b border-border bg-surface-2 px-4 py-1.5 text-xs text-muted">
          Read-only: your role can view this map but not change it.
        </p>
      )}
      {viewVersion !== null && (
        <p role="status" className="flex items-center gap-3 border-b border-border bg-warning/10 px-4 py-1.5 text-xs">
          Showing the map as it was at version {viewVersion}
          {loadingPast ? " (loading…)" : ""}. Nothing can be changed here.
          <button type="button" className="font-semibold text-accent underline" onClick={onBackToLive}>
            Back to the live map
          </button>
        </p>
      )}
    </>
  );
}

export function EmptyCanvas({ readOnly }: { readOnly: boolean }) {
  return (
    <div className="pointer-events-none absolute inset-0 z-10 flex items-center justify-center">
      <div className="rounded-lg border border-dashed border-border bg-surface/90 px-6 py-5 text-center">
        <p className="font-medium">This map is empty</p>
        <p className="mt-1 max-w-sm text-sm text-muted">
          {readOnly
            ? "No flows have been mapped for this surface yet. The surface's DAAS elements are placed on it when a contributor first opens it."
            : "Add a node from the palette (drag it, or press it to place it in the middle of the view), then connect nodes by dragging between handles or with Connect to… (C)."}
        </p>
      </div>
    </div>
  );
}
