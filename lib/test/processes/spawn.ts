import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import path from "node:path";

/** tsx, run directly (not through npx) so that signals and exit codes are the script's own. */
const TSX = path.resolve("node_modules/.bin/tsx");

export type TScriptProcess = { child: ChildProcessWithoutNullStreams; output: () => string; exited: Promise<number | null> };

/** Runs a TypeScript script as a real process with extra environment; DATABASE_URL is dropped unless given. */
export function runScript(script: string, env: Record<string, string | undefined>, args: string[] = []): TScriptProcess {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(TSX, ["--conditions=react-server", script, ...args], { env: { ...inherited, ...env }, stdio: "pipe" });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Resolves with the first match of `pattern` in the process's output; rejects if it exits first. */
export function waitForOutput(processHandle: TScriptProcess, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = processHandle.output().match(pattern);
      if (match) {
        cleanup();
        resolve(match);
      }
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`exited with ${code} before printing ${pattern}:\n${processHandle.output()}`));
    };
    const cleanup = () => {
      processHandle.child.stdout.off("data", check);
      processHandle.child.stderr.off("data", check);
      processHandle.child.off("exit", onExit);
    };
    processHandle.child.stdout.on("data", check);
    processHandle.child.stderr.on("data", check);
    processHandle.child.on("exit", onExit);
    check();
  });
}
