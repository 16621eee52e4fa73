"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { STEP_BATCH, layoutOperations, nextStepBatch, smallestStepBatch, toElkGraph, type TLaidOutNode } from "@/lib/maps/canvas/layout";
import type { TMapEdge, TMapNode, TMapOperation } from "@/lib/maps/model/schemas";

/**
 * Lays the map out in a Web Worker and hands the position changes to `apply`; `running` stays true
 * until they are applied, so the map is not edited while it is still moving.
 */
export function useAutoLayout() {
  const workerRef = useRef<Worker | null>(null);
  const pending = useRef(new Map<number, { resolve: (placed: TLaidOutNode[]) => void; reject: (error: Error) => void }>());
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

  const layout = useCallback(
    async (nodes: TMapNode[], edges: TMapEdge[], apply: (operations: TMapOperation[]) => Promise<void>): Promise<void> => {
      if (!workerRef.current) {
        const worker = new Worker(new URL("./layout.worker.ts", import.meta.url), { type: "module" });
        worker.onmessage = (message: MessageEvent<{ requestId: number; placed?: TLaidOutNode[]; error?: string }>) => {
          const request = pending.current.get(message.data.requestId);
          pending.current.delete(message.data.requestId);
          if (message.data.placed) request?.resolve(message.data.placed);
          else request?.reject(new Error(message.data.error ?? "Layout failed"));
        };
        workerRef.current = worker;
      }
      const requestId = nextId.current++;
      setRunning(true);
      try {
        const placed = await new Promise<TLaidOutNode[]>((resolve, reject) => {
          pending.current.set(requestId, { resolve, reject });
          workerRef.current!.postMessage({ requestId, graph: toElkGraph(nodes, edges) });
        });
        await apply(layoutOperations(placed, nodes));
      } finally {
        setRunning(false);
      }
    },
    [],
  );

  return { layout, running };
}

type TPlacement = { x?: number; y?: number; width?: number | null; height?: number | null };

const nextFrame = () => new Promise<number>((resolve) => window.requestAnimationFrame(resolve));
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Works through `total` items a batch a frame, so no task has to redraw the whole map: each batch
 * is drawn at once (flushSync) in a task of its own, just after a frame, so its cost can be measured
 * and the next batch sized to the time it took (`nextStepBatch`), in at most `STEP_BATCH.maxSteps` steps.
 */
async function stepThroughFrames(total: number, draw: (start: number, end: number) => void): Promise<void> {
  const floor = smallestStepBatch(total);
  let batch = Math.max(STEP_BATCH.first, floor);
  for (let start = 0; start < total;) {
    await nextFrame();
    await nextTask();
    const began = performance.now();
    const end = Math.min(total, start + batch);
    flushSync(() => draw(start, end));
    // React Flow takes the new nodes and flows in from an effect; its own updates settle in microtasks.
    await Promise.resolve();
    start = end;
    batch = nextStepBatch(batch, performance.now() - began, floor);
  }
  // Whatever follows starts in a task of its own, not on the end of the last step.
  await nextTask();
}

/**
 * Moves the laid-out nodes on the canvas a batch a frame; saving afterwards then finds every node
 * already in place and redraws nothing.
 */
export async function revealLayout(operations: TMapOperation[], place: (step: ReadonlyMap<string, TPlacement>) => void): Promise<void> {
  const placements = operations.flatMap((operation) => (operation.op === "updateNode" ? [[operation.id, operation.patch] as const] : []));
  await stepThroughFrames(placements.length, (start, end) => place(new Map(placements.slice(start, end))));
}

/**
 * Takes a canvas's flows off it while an automatic layout moves its nodes, and brings them back
 * afterwards. React Flow re-runs every flow's selectors and redraws every flow touching a node on
 * each update, so a thousand flows on the canvas would be most of the cost of each step of the move.
 * They go and come back a batch a frame (see `withoutLastFlows`), since unmounting or mounting them
 * all at once would be one long task. The map itself keeps them throughout.
 */
export function useFlowCurtain() {
  /** How many flows are off the canvas, counted from the end of its list. */
  const [hidden, setHidden] = useState(0);
  const close = useCallback((count: number) => stepThroughFrames(count, (_start, end) => setHidden(end)), []);
  const open = useCallback((count: number) => stepThroughFrames(count, (_start, end) => setHidden(count - end)), []);
  return { close, open, hidden };
}
