"use client";

import { getNodesBounds, getViewportForBounds, type Node } from "@xyflow/react";
import { toPng, toSvg } from "html-to-image";
import { mapToDocument } from "@/lib/maps/model/document";
import type { TFlowMap } from "@/lib/maps/model/schemas";

function download(href: string, fileName: string): void {
  const link = document.createElement("a");
  link.href = href;
  link.download = fileName;
  link.click();
}

export function fileBaseName(map: TFlowMap): string {
  return `${map.surface.name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-flow-map-v${map.version}`;
}

/** Renders the whole map (not just what is on screen) into an image, at the theme's background colour. */
export async function exportImage(format: "png" | "svg", nodes: Node[], map: TFlowMap): Promise<void> {
  const viewport = document.querySelector<HTMLElement>(".react-flow__viewport");
  if (!viewport) throw new Error("The canvas is not ready yet.");
  const bounds = getNodesBounds(nodes);
  const width = Math.min(4096, Math.max(800, bounds.width + 160));
  const height = Math.min(4096, Math.max(600, bounds.height + 160));
  const transform = getViewportForBounds(bounds, width, height, 0.1, 2, 0.08);
  const options = {
    backgroundColor: getComputedStyle(document.body).backgroundColor,
    width,
    height,
    style: {
      width: `${width}px`,
      height: `${height}px`,
      transform: `translate(${transform.x}px, ${transform.y}px) scale(${transform.zoom})`,
    },
  };
  const dataUrl = format === "png" ? await toPng(viewport, options) : await toSvg(viewport, options);
  download(dataUrl, `${fileBaseName(map)}.${format}`);
}

export function exportJson(map: TFlowMap): void {
  const blob = new Blob([JSON.stringify(mapToDocument(map, new Date()), null, 2)], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  download(url, `${fileBaseName(map)}.json`);
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
