"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";
import type { ElkNode } from "elkjs/lib/elk-api";
import { FLOW_GROUPS, flowCurtainClass } from "@/lib/maps/convert";
import { REVEAL_BATCH, layoutOperations, nextRevealBatch, toElkGraph } from "@/lib/maps/layout";
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

type TPlacement = { x?: number; y?: number; width?: number | null; height?: number | null };

const nextFrame = () => new Promise<number>((resolve) => window.requestAnimationFrame(resolve));
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Moves the laid-out nodes on the canvas a batch at a time, one batch a frame, so no task has to
 * redraw the whole map; saving afterwards then finds every node already in place and redraws
 * nothing. Each batch is drawn at once (flushSync) in a task of its own, just after a frame, so
 * its cost can be measured and the next batch sized to the time it took.
 */
export async function revealLayout(operations: TMapOperation[], place: (step: ReadonlyMap<string, TPlacement>) => void): Promise<void> {
  const placements = operations.flatMap((operation) => (operation.op === "updateNode" ? [[operation.id, operation.patch] as const] : []));
  let batch: number = REVEAL_BATCH.first;
  for (let start = 0; start < placements.length; ) {
    await nextFrame();
    await nextTask();
    const began = performance.now();
    const step = new Map(placements.slice(start, start + batch));
    start += step.size;
    flushSync(() => place(step));
    // React Flow takes the new nodes in from an effect; its own updates settle in microtasks.
    await Promise.resolve();
    batch = nextRevealBatch(batch, performance.now() - began);
  }
  // Whatever follows (the save) starts in a task of its own, not on the end of the last step.
  await nextTask();
}

/**
 * Leaves a canvas's flows out while an automatic layout moves its nodes, and brings them back
 * afterwards: a thousand curves redrawn on every frame of the move would be most of its cost. They
 * go and come back a few groups a frame, since doing either in one frame would be one long task.
 * React Flow keeps them, and their positions, throughout.
 */
export function useFlowCurtain() {
  /** How many groups are left out: the last ones of FLOW_GROUPS. */
  const [hidden, setHidden] = useState(0);
  const step = useCallback(async (from: number, to: number, by: number) => {
    for (let count = from; count !== to; ) {
      // Each change in a task of its own, just after a frame: the next frame then only draws it.
      await nextFrame();
      await nextTask();
      count = to > from ? Math.min(to, count + by) : Math.max(to, count - by);
      const next = count;
      flushSync(() => setHidden(next));
    }
    await nextFrame();
  }, []);
  // Leaving flows out costs less than drawing them back, so they go two groups a frame and come back one.
  const close = useCallback(() => step(0, FLOW_GROUPS.length, 2), [step]);
  const open = useCallback(() => step(FLOW_GROUPS.length, 0, 1), [step]);
  return { close, open, curtainClass: flowCurtainClass(hidden) };
}
