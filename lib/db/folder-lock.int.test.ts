import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runScript, waitForOutput, type TScriptProcess } from "@/lib/test/processes/spawn";

const HOLDER = "lib/test/processes/hold-data-folder.ts";
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "concord-lock-"));
const env = { CONCORD_DATA_DIR: dataDir };
const started: TScriptProcess[] = [];

function start(script: string): TScriptProcess {
  const handle = runScript(script, env);
  started.push(handle);
  return handle;
}

afterAll(() => {
  for (const handle of started) handle.child.kill("SIGKILL");
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("the embedded database's folder lock, with real processes", () => {
  it("refuses a second server and the command-line tools, naming the holder; recovers the lock of a killed holder", async () => {
    const first = start(HOLDER);
    const [, holderPid] = await waitForOutput(first, /holding (\d+)/);

    const second = start(HOLDER);
    expect(await second.exited).toBe(2);
    expect(second.output()).toContain(`in use by process ${holderPid} on ${os.hostname()}`);
    expect(second.output()).not.toMatch(/holding/);

    const verify = start("lib/cli/audit-verify.ts");
    expect(await verify.exited).toBe(2);
    expect(verify.output()).toContain(`in use by process ${holderPid}`);

    // A killed holder never releases its lock; the next process finds it gone and takes over at once.
    process.kill(Number(holderPid), "SIGKILL");
    first.child.kill("SIGKILL");
    await first.exited;
    const third = start(HOLDER);
    const [, thirdPid] = await waitForOutput(third, /holding (\d+)/);
    expect(thirdPid).not.toBe(holderPid);
    const refused = start(HOLDER);
    expect(await refused.exited).toBe(2);
    expect(refused.output()).toContain(`in use by process ${thirdPid}`);
  }, 240_000);
});
