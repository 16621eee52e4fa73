import fs from "node:fs";
import os from "node:os";
import lockfile from "proper-lockfile";

/**
 * The embedded database admits one process: two PGlite instances on one folder both accept writes
 * without seeing each other's and leave a folder that no longer opens. So the folder is locked
 * (proper-lockfile: an atomically created lock directory kept fresh by its holder), and the holder
 * writes who it is next to it, so a refused process can say which one holds it.
 */

/** A holder that stops refreshing for this long (killed on another host, frozen) is treated as gone. */
const STALE_MS = 60_000;
const UPDATE_MS = 10_000;
/** The gate is held for a few milliseconds while a process checks and takes the folder lock. */
const GATE_STALE_MS = 5_000;
const GATE_ATTEMPTS = 100;

export type TLockOwner = { pid: number; hostname: string; startedAt: string; command: string };

export class DataFolderLockedError extends Error {
  constructor(
    public readonly folder: string,
    public readonly owner: TLockOwner | null,
  ) {
    super(
      owner
        ? `The embedded database in ${folder} is in use by process ${owner.pid} on ${owner.hostname} (started ${owner.startedAt}: ${owner.command}). Stop that process first, or set DATABASE_URL to use Postgres.`
        : `The embedded database in ${folder} is in use by another process. Stop it first, or set DATABASE_URL to use Postgres.`,
    );
    this.name = "DataFolderLockedError";
  }
}

const lockPathOf = (folder: string) => `${folder}.lock`;
const ownerPathOf = (folder: string) => `${folder}.lock-owner.json`;
/** proper-lockfile keys its locks by file, so the gate is a lock on another (never created) file. */
const gateFileOf = (folder: string) => `${folder}.gate`;

function readOwner(folder: string): TLockOwner | null {
  try {
    return JSON.parse(fs.readFileSync(ownerPathOf(folder), "utf8")) as TLockOwner;
  } catch {
    return null;
  }
}

/** Only a process on this host can be checked; signal 0 tests existence without touching it. */
export function isOwnerGone(owner: TLockOwner | null): boolean {
  if (!owner || owner.hostname !== os.hostname()) return false;
  if (owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
  return isZombie(owner.pid);
}

/**
 * A killed process whose parent has not reaped it yet (common in containers, where PID 1 may
 * never reap) still answers signal 0, but it holds nothing: Linux shows it as state Z in /proc.
 */
function isZombie(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
    return state === "Z" || state === "X";
  } catch {
    return false;
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Every process checks and takes the folder lock while holding a short gate lock, so two processes
 * recovering the lock of a killed one cannot both take it (or remove the lock the other just took).
 */
function withGate<T>(folder: string, task: () => T): T {
  for (let attempt = 1; ; attempt++) {
    let releaseGate: () => void;
    try {
      releaseGate = lockfile.lockSync(gateFileOf(folder), { realpath: false, stale: GATE_STALE_MS, update: GATE_STALE_MS / 2 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ELOCKED" || attempt >= GATE_ATTEMPTS) throw error;
      sleepSync(50);
      continue;
    }
    try {
      return task();
    } finally {
      releaseGate();
    }
  }
}

/**
 * Takes the embedded database's folder for this process, or throws DataFolderLockedError naming the
 * holder. A lock left by a process that no longer exists on this host is recovered at once; one
 * whose holder cannot be checked (another host) is recovered when it has not been refreshed for a minute.
 * Returns the release function (also run by proper-lockfile when the process exits).
 */
export function lockDataFolder(folder: string, onCompromised: (error: Error) => void): () => void {
  return withGate(folder, () => {
    const take = () =>
      lockfile.lockSync(folder, { lockfilePath: lockPathOf(folder), realpath: false, stale: STALE_MS, update: UPDATE_MS, onCompromised });
    let release: () => void;
    try {
      release = take();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ELOCKED") throw error;
      const owner = readOwner(folder);
      if (!isOwnerGone(owner)) throw new DataFolderLockedError(folder, owner);
      // The holder was killed (no clean release): its lock is ours to clear, under the gate.
      fs.rmSync(lockPathOf(folder), { recursive: true, force: true });
      release = take();
    }
    const owner: TLockOwner = {
      pid: process.pid,
      hostname: os.hostname(),
      startedAt: new Date().toISOString(),
      command: process.argv.slice(1).join(" ").slice(0, 300),
    };
    fs.writeFileSync(ownerPathOf(folder), JSON.stringify(owner));
    return () => {
      try {
        fs.rmSync(ownerPathOf(folder), { force: true });
        release();
      } catch {
        // Already released (process exit hook) or taken over: nothing left to undo.
      }
    };
  });
}
