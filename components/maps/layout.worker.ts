/// <reference lib="webworker" />
import ELK from "elkjs/lib/elk.bundled.js";
import type { ElkNode } from "elkjs/lib/elk-api";

// ELK runs here, off the main thread, so the canvas stays responsive while a large map is laid out.
const elk = new ELK();

self.onmessage = async (message: MessageEvent<{ requestId: number; graph: ElkNode }>) => {
  const { requestId, graph } = message.data;
  try {
    const result = await elk.layout(graph);
    self.postMessage({ requestId, result });
  } catch (error) {
    self.postMessage({ requestId, error: error instanceof Error ? error.message : "Layout failed" });
  }
};
