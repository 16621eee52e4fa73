/**
 * The policy diff of a change: per target, the generated files before (the surface's approved flows
 * today) and after (with the change's operations applied), compared file by file as unified diffs
 * (the `diff` package, the same format `git diff` prints). Unchanged files are counted, not shown;
 * flows a target could or could no longer express are listed, so a change that silently loses
 * enforcement on one target is visible.
 */
import { createHash } from "node:crypto";
import { structuredPatch } from "diff";
import { LRUCache } from "lru-cache";
import { generatePolicy, GeneratedPolicyInvalidError } from "../generate";
import { POLICY_TARGETS, type TPolicyFile, type TPolicySurface, type TPolicyTarget, type TUnsupportedFlow } from "../model";

export type TDiffLine = { kind: "context" | "added" | "removed"; text: string };
export type THunk = { oldStart: number; oldLines: number; newStart: number; newLines: number; lines: TDiffLine[] };
export type TFileDiff = { path: string; status: "added" | "removed" | "changed"; added: number; removed: number; hunks: THunk[] };

export type TTargetDiff = {
  target: TPolicyTarget;
  files: TFileDiff[];
  unchangedFiles: number;
  /** Flows the target cannot express after the change that it could before (or that are new), and the reverse. */
  newlyUnsupported: TUnsupportedFlow[];
  noLongerUnsupported: TUnsupportedFlow[];
  /** A generator refusal (a document failing its schema): the diff of this target cannot be shown. */
  error: string | null;
};

const CONTEXT_LINES = 3;

function hunksOf(path: string, before: string, after: string): THunk[] {
  const patch = structuredPatch(path, path, before, after, "", "", { context: CONTEXT_LINES });
  return patch.hunks.map((hunk) => ({
    oldStart: hunk.oldStart,
    oldLines: hunk.oldLines,
    newStart: hunk.newStart,
    newLines: hunk.newLines,
    lines: hunk.lines
      .filter((line) => !line.startsWith("\\"))
      .map((line) => ({
        kind: line.startsWith("+") ? ("added" as const) : line.startsWith("-") ? ("removed" as const) : ("context" as const),
        text: line.slice(1),
      })),
  }));
}

/** File-by-file comparison of two generated folders. */
export function diffFiles(before: readonly TPolicyFile[], after: readonly TPolicyFile[]): { files: TFileDiff[]; unchangedFiles: number } {
  const old = new Map(before.map((file) => [file.path, file.content]));
  const next = new Map(after.map((file) => [file.path, file.content]));
  const paths = [...new Set([...old.keys(), ...next.keys()])].sort();
  const files: TFileDiff[] = [];
  let unchangedFiles = 0;
  for (const path of paths) {
    const from = old.get(path);
    const to = next.get(path);
    if (from === to) {
      unchangedFiles += 1;
      continue;
    }
    const hunks = hunksOf(path, from ?? "", to ?? "");
    const count = (kind: TDiffLine["kind"]) => hunks.reduce((sum, hunk) => sum + hunk.lines.filter((line) => line.kind === kind).length, 0);
    files.push({
      path,
      status: from === undefined ? "added" : to === undefined ? "removed" : "changed",
      added: count("added"),
      removed: count("removed"),
      hunks,
    });
  }
  return { files, unchangedFiles };
}

const unsupportedKey = (entry: TUnsupportedFlow) => `${entry.flowId}\u0000${entry.reason}`;

function minus(a: readonly TUnsupportedFlow[], b: readonly TUnsupportedFlow[]): TUnsupportedFlow[] {
  const keys = new Set(b.map(unsupportedKey));
  return a.filter((entry) => !keys.has(unsupportedKey(entry)));
}

type TGenerated = { files: readonly TPolicyFile[]; unsupported: readonly TUnsupportedFlow[]; error: string | null };

/**
 * Generated folders by the surface's content and target. Every reader of a change page, every
 * agenda item and the minutes diff the same surface before and after; the "before" side is the same
 * for every change on a surface. Keyed by content, an entry can never be stale; sized by the text it
 * holds, so a few large surfaces cannot take the process's memory.
 */
const generatedByContent = new LRUCache<string, TGenerated>({
  maxSize: 64 * 1024 * 1024,
  sizeCalculation: (entry) =>
    Math.max(
      1,
      entry.files.reduce((sum, file) => sum + file.path.length + file.content.length, 0),
    ),
});

/** A surface as policy reads it, hashed: equal content, equal key. */
type TKeyedSurface = { surface: TPolicySurface; key: string };
const keyed = (surface: TPolicySurface): TKeyedSurface => ({
  surface,
  key: createHash("sha256").update(JSON.stringify(surface)).digest("base64url"),
});

function generated({ surface, key: contentKey }: TKeyedSurface, target: TPolicyTarget): TGenerated {
  const key = `${target}:${contentKey}`;
  const known = generatedByContent.get(key);
  if (known) return known;
  let result: TGenerated;
  try {
    const policy = generatePolicy(surface, target);
    result = { files: policy.files, unsupported: policy.unsupported, error: null };
  } catch (error) {
    if (!(error instanceof GeneratedPolicyInvalidError)) throw error;
    result = { files: [], unsupported: [], error: error.message };
  }
  generatedByContent.set(key, result);
  return result;
}

function diffKeyed(before: TKeyedSurface, after: TKeyedSurface, target: TPolicyTarget): TTargetDiff {
  const old = generated(before, target);
  const next = generated(after, target);
  const error = old.error ?? next.error;
  if (error) return { target, files: [], unchangedFiles: 0, newlyUnsupported: [], noLongerUnsupported: [], error };
  return {
    target,
    ...diffFiles(old.files, next.files),
    newlyUnsupported: minus(next.unsupported, old.unsupported),
    noLongerUnsupported: minus(old.unsupported, next.unsupported),
    error: null,
  };
}

export function diffTarget(before: TPolicySurface, after: TPolicySurface, target: TPolicyTarget): TTargetDiff {
  return diffKeyed(keyed(before), keyed(after), target);
}

export function diffPolicy(
  before: TPolicySurface,
  after: TPolicySurface,
  targets: readonly TPolicyTarget[] = POLICY_TARGETS,
): TTargetDiff[] {
  const [old, next] = [keyed(before), keyed(after)];
  return targets.map((target) => diffKeyed(old, next, target));
}

/** The diff as `git diff` would print it, for the Markdown minutes and downloads. */
export function unifiedText(file: TFileDiff): string {
  const header = [
    `--- ${file.status === "added" ? "/dev/null" : `a/${file.path}`}`,
    `+++ ${file.status === "removed" ? "/dev/null" : `b/${file.path}`}`,
  ];
  const body = file.hunks.flatMap((hunk) => [
    `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`,
    ...hunk.lines.map((line) => `${line.kind === "added" ? "+" : line.kind === "removed" ? "-" : " "}${line.text}`),
  ]);
  return [...header, ...body].join("\n");
}
