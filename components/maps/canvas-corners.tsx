"use client";

import { memo, useCallback, useSyncExternalStore } from "react";
import { Panel } from "@xyflow/react";
import { ChevronDown, ChevronUp, Map as MapIcon } from "lucide-react";
import { fitViewOptionsFor } from "@/lib/maps/canvas/viewport";
import { ThemedMiniMap } from "./canvas-chrome";
import { Legend } from "./panels";

/**
 * The legend and the overview (minimap) over the canvas's lower corners. Either can be folded away
 * (on a laptop screen they cover nodes), and the choice is remembered in this browser.
 */
const KEYS = { legend: "concord.map.legend", overview: "concord.map.overview" } as const;
type TCorner = keyof typeof KEYS;
const CHANGED = "concord:canvas-corners";

function subscribe(onChange: () => void): () => void {
  window.addEventListener(CHANGED, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(CHANGED, onChange);
    window.removeEventListener("storage", onChange);
  };
}

/** Until the person chooses, the corners are open where there is room for them and folded on a phone. */
const ROOMY = "(min-width: 768px)";

function readOpen(corner: TCorner): boolean {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(KEYS[corner]);
  } catch {
    // Private windows may refuse storage: the default stands.
  }
  return stored === null ? window.matchMedia(ROOMY).matches : stored !== "closed";
}

function useCornerOpen(corner: TCorner): [boolean, () => void] {
  const open = useSyncExternalStore(
    subscribe,
    () => readOpen(corner),
    () => true,
  );
  const toggle = useCallback(() => {
    try {
      localStorage.setItem(KEYS[corner], readOpen(corner) ? "closed" : "open");
    } catch {
      // Private windows may refuse storage: the corner then simply stays as it is.
    }
    window.dispatchEvent(new Event(CHANGED));
  }, [corner]);
  return [open, toggle];
}

/** Whether each corner is open, how to toggle them, and the fit-view options that keep the map clear of the open ones. */
export function useCanvasCorners() {
  const [legendOpen, toggleLegend] = useCornerOpen("legend");
  const [overviewOpen, toggleOverview] = useCornerOpen("overview");
  return { legendOpen, toggleLegend, overviewOpen, toggleOverview, fitViewOptions: fitViewOptionsFor(legendOpen, overviewOpen) };
}

const toggleClass =
  "inline-flex items-center gap-1 rounded-md border border-border bg-surface px-2 py-1 text-xs font-medium text-fg shadow-sm hover:bg-surface-2";

type TCornersProps = Omit<ReturnType<typeof useCanvasCorners>, "fitViewOptions"> & { overviewLabel: string };

export const CanvasCorners = memo(function CanvasCorners({
  legendOpen,
  toggleLegend,
  overviewOpen,
  toggleOverview,
  overviewLabel,
}: TCornersProps) {
  return (
    <>
      <Panel
        position="bottom-left"
        className="!mb-2 !ml-14 flex max-w-[calc(100%-4.5rem)] flex-col items-start gap-1 md:max-w-[calc(100%-19rem)]"
      >
        {legendOpen && <Legend id="map-legend" />}
        <button type="button" className={toggleClass} aria-expanded={legendOpen} aria-controls="map-legend" onClick={toggleLegend}>
          {legendOpen ? <ChevronDown aria-hidden className="h-3.5 w-3.5" /> : <ChevronUp aria-hidden className="h-3.5 w-3.5" />}
          {legendOpen ? "Hide legend" : "Legend"}
        </button>
      </Panel>
      {overviewOpen && <ThemedMiniMap ariaLabel={overviewLabel} />}
      <Panel position="bottom-right" className={overviewOpen ? "!mb-[168px]" : undefined}>
        <button type="button" className={toggleClass} aria-pressed={overviewOpen} onClick={toggleOverview}>
          <MapIcon aria-hidden className="h-3.5 w-3.5" />
          {overviewOpen ? "Hide overview" : "Overview"}
        </button>
      </Panel>
    </>
  );
});
