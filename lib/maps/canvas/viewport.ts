import type { TBounds } from "../model/geometry";

export type TViewport = { x: number; y: number; zoom: number };

/** How far to move a span [start, end] of the screen so it sits inside [margin, size - margin]; a span too long for it is centred. */
function shiftInto(start: number, end: number, size: number, margin: number): number {
  if (end - start > size - 2 * margin) return size / 2 - (start + end) / 2;
  if (start < margin) return margin - start;
  if (end > size - margin) return size - margin - end;
  return 0;
}

/**
 * The viewport that brings a canvas rectangle into a pane of the given size with the least
 * movement, at the same zoom; null when it is in view already. Used when opening the inspector
 * narrows the canvas and would otherwise hide the element being inspected.
 */
export function viewportRevealing(
  rect: TBounds,
  viewport: TViewport,
  pane: { width: number; height: number },
  margin = 32,
): TViewport | null {
  const left = rect.x * viewport.zoom + viewport.x;
  const top = rect.y * viewport.zoom + viewport.y;
  const dx = shiftInto(left, left + rect.width * viewport.zoom, pane.width, margin);
  const dy = shiftInto(top, top + rect.height * viewport.zoom, pane.height, margin);
  if (Math.abs(dx) < 1 && Math.abs(dy) < 1) return null;
  return { x: viewport.x + dx, y: viewport.y + dy, zoom: viewport.zoom };
}

type TPx = `${number}px`;
type TPadding = { top: TPx; right: TPx; bottom: TPx; left: TPx };

/**
 * Fitting the map into view keeps it clear of what sits over the canvas's corners: the legend along
 * the foot on the left and the overview in the bottom-right corner, whichever of them is open.
 * One object per combination, so React Flow is handed the same prop while nothing changes.
 */
const FIT_PADDINGS: Record<`${boolean}-${boolean}`, { padding: TPadding }> = {
  "true-true": { padding: { top: "32px", left: "32px", bottom: "136px", right: "232px" } },
  "true-false": { padding: { top: "32px", left: "32px", bottom: "136px", right: "48px" } },
  "false-true": { padding: { top: "32px", left: "32px", bottom: "48px", right: "232px" } },
  "false-false": { padding: { top: "32px", left: "32px", bottom: "48px", right: "48px" } },
};

export function fitViewOptionsFor(legendOpen: boolean, overviewOpen: boolean): { padding: TPadding } {
  return FIT_PADDINGS[`${legendOpen}-${overviewOpen}`];
}
