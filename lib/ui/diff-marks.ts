/**
 * The one meaning of each comparison colour across the product: added is green, removed is red,
 * changed is amber (CSS tokens --added, --removed, --changed in app/globals.css). The canvas diff, the
 * changes table and every history view take their colour and word from here.
 */
export type TDiffMark = "added" | "changed" | "removed" | "unchanged";

export const DIFF_MARKS: Record<TDiffMark, { label: string; color: string; tone: "added" | "changed" | "removed" | "neutral" }> = {
  added: { label: "Added", color: "var(--added)", tone: "added" },
  changed: { label: "Changed", color: "var(--changed)", tone: "changed" },
  removed: { label: "Removed", color: "var(--removed)", tone: "removed" },
  unchanged: { label: "Unchanged", color: "var(--muted)", tone: "neutral" },
};

/** A flow operation's kind as the mark it draws (ADD → added...). */
export function markOfOperation(kind: "ADD" | "MODIFY" | "REMOVE"): TDiffMark {
  return kind === "ADD" ? "added" : kind === "REMOVE" ? "removed" : "changed";
}
