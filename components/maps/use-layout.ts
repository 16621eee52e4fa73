"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ElkNode } from "elkjs/lib/elk-api";
import { layoutOperations, toElkGraph } from "@/lib/maps/layout";
import type { TMapEdge, TMapNode, TMapOperation } from "@/lib/maps/schemas";

/**
 * Lays the map out in a Web Worker and hands the position changes to `apply`; `running` stays true
 * until they are applied, so the map is not edited while it is still moving.
 */
export function useAutoLayout() {
  const workerRef = useRef<Worker | null>(null);
  const pending = useRef(new Map<number, { resolve: (result: ElkNode) => void; reject: (error: Error) => void }>());
  const nextId = useRef(1);
  const [running, setRunning] = useState(false);

  useEffect(() => {
    const requests = pending.current;
    return () => {
      workerRef.current?.terminate();
      workerRef.current = null;
      requests.clear();
    };
  }, []);

  const layout = useCallback(async (nodes: TMapNode[], edges: TMapEdge[], apply: (operations: TMapOperation[]) => Promise<void>): Promise<void> => {
    if (!workerRef.current) {
      const worker = new Worker(new URL("./layout.worker.ts", import.meta.url), { type: "module" });
      worker.onmessage = (message: MessageEvent<{ requestId: number; result?: ElkNode; error?: string }>) => {
        const request = pending.current.get(message.data.requestId);
        pending.current.delete(message.data.requestId);
        if (message.data.result) request?.resolve(message.data.result);
        else request?.reject(new Error(message.data.error ?? "Layout failed"));
      };
      workerRef.current = worker;
    }
    const requestId = nextId.current++;
    setRunning(true);
    try {
      const result = await new Promise<ElkNode>((resolve, reject) => {
        pending.current.set(requestId, { resolve, reject });
        workerRef.current!.postMessage({ requestId, graph: toElkGraph(nodes, edges) });
      });
      await apply(layoutOperations(result, nodes));
    } finally {
      setRunning(false);
    }
  }, []);

  return { layout, running };
}
