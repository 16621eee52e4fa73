"use client";

import { Controls, type ControlProps } from "@xyflow/react";

/** Zoom controls in the app's theme (React Flow's own are light only), the same on every canvas. */
export function ThemedControls(props: ControlProps) {
  return <Controls className="[&_button]:!border-border [&_button]:!bg-surface [&_button]:!text-fg [&_button:hover]:!bg-surface-2 [&_svg]:!fill-current" showInteractive={false} {...props} />;
}

/** What a canvas that only shows turns off: nothing is dragged, connected, reconnected or deleted. */
export const READ_ONLY_CANVAS = { nodesDraggable: false, nodesConnectable: false, edgesReconnectable: false, deleteKeyCode: null, proOptions: { hideAttribution: true } } as const;

/** For the canvas's container: the node views draw their connection handles, which mean nothing where nothing connects. */
export const HIDE_HANDLES = "[&_[data-handlepos]]:!opacity-0";
