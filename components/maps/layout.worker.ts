/// <reference lib="webworker" />
import ELK from "elkjs/lib/elk.bundled.js";
import type { ElkNode } from "elkjs/lib/elk-api";
import { laidOutNodes } from "@/lib/maps/canvas/layout";

// ELK runs here, off the main thread, so the canvas stays responsive while a large map is laid out.
const elk = new ELK();

self.onmessage = async (message: MessageEvent<{ requestId: number; graph: ElkNode }>) => {
  const { requestId, graph } = message.data;
  try {
    // Only the nodes' places go back: the whole ELK result, flow routes and all, would take the main thread a long task to receive.
    self.postMessage({ requestId, placed: laidOutNodes(await elk.layout(graph)) });
  } catch (error) {
    self.postMessage({ requestId, error: error instanceof Error ? error.message : "Layout failed" });
  }
};
