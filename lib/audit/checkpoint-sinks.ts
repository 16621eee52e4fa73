import fs from "node:fs/promises";
import { z } from "zod";
import type { TEnv } from "@/lib/env";
import type { TStoredCheckpoint } from "./checkpoint";

export type TCheckpointRecord = TStoredCheckpoint & { trigger: string };

/**
 * Somewhere outside the database a checkpoint is also sent, so deleting checkpoints from the table
 * is noticed too. A webhook event can become another sink; each one only has to take the record.
 */
export type TCheckpointSink = { name: string; send: (checkpoint: TCheckpointRecord) => Promise<void> };

const ZCheckpointLine = z.object({
  seq: z.string().regex(/^\d+$/),
  createdAt: z.string(),
  eventCount: z.string().regex(/^\d+$/),
  headId: z.string().regex(/^\d+$/).nullable(),
  headHash: z.string(),
  keyId: z.string(),
  signature: z.string(),
  trigger: z.string(),
});

/** One JSON object a line, appended: the file only grows, like the chain. */
export function fileSink(file: string): TCheckpointSink {
  return {
    name: `file ${file}`,
    send: async (checkpoint) => {
      await fs.appendFile(file, `${JSON.stringify(checkpoint)}\n`, { mode: 0o600 });
    },
  };
}

export type TCheckpointFile = { checkpoints: TCheckpointRecord[]; unreadableLines: number[] };

/** Reads the checkpoint file back; a missing file has no checkpoints, a damaged line is named, not fatal. */
export async function readCheckpointFile(file: string): Promise<TCheckpointFile> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { checkpoints: [], unreadableLines: [] };
    throw error;
  }
  const checkpoints: TCheckpointRecord[] = [];
  const unreadableLines: number[] = [];
  text.split("\n").forEach((line, index) => {
    if (line.trim() === "") return;
    try {
      checkpoints.push(ZCheckpointLine.parse(JSON.parse(line)));
    } catch {
      unreadableLines.push(index + 1);
    }
  });
  return { checkpoints, unreadableLines };
}

export function configuredSinks(env: Pick<TEnv, "AUDIT_CHECKPOINT_FILE">): TCheckpointSink[] {
  return env.AUDIT_CHECKPOINT_FILE ? [fileSink(env.AUDIT_CHECKPOINT_FILE)] : [];
}
