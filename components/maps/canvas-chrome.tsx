"use client";

import { Controls, MiniMap, type ControlProps } from "@xyflow/react";
import { useTheme } from "next-themes";

/** Zoom controls in the app's theme (React Flow's own are light only), the same on every canvas. */
export function ThemedControls(props: ControlProps) {
  return (
    <Controls
      className="[&_button]:!border-border [&_button]:!bg-surface [&_button]:!text-fg [&_button:hover]:!bg-surface-2 [&_svg]:!fill-current"
      showInteractive={false}
      {...props}
    />
  );
}

/** The canvas's colour mode, following the app's theme. */
export function useCanvasColorMode(): "dark" | "light" {
  return useTheme().resolvedTheme === "dark" ? "dark" : "light";
}

/** The overview of a canvas in the app's theme, the same on every canvas that has one. */
export function ThemedMiniMap({ ariaLabel }: { ariaLabel: string }) {
  const dark = useCanvasColorMode() === "dark";
  return (
    <MiniMap
      pannable
      zoomable
      ariaLabel={ariaLabel}
      nodeStrokeWidth={2}
      bgColor="var(--surface)"
      nodeColor="var(--border)"
      nodeStrokeColor="var(--muted)"
      maskColor={dark ? "rgb(0 0 0 / 0.45)" : "rgb(240 242 245 / 0.65)"}
      className="!border !border-border"
    />
  );
}

/** Declared once, so the prop is the same object on every render (React Flow copies changed props into its store). */
export const PRO_OPTIONS = { hideAttribution: true };

/** What a canvas that only shows turns off: nothing is dragged, connected, reconnected or deleted. */
export const READ_ONLY_CANVAS = {
  nodesDraggable: false,
  nodesConnectable: false,
  edgesReconnectable: false,
  deleteKeyCode: null,
  proOptions: PRO_OPTIONS,
} as const;

/** For the canvas's container: the node views draw their connection handles, which mean nothing where nothing connects. */
export const HIDE_HANDLES = "[&_[data-handlepos]]:!opacity-0";
