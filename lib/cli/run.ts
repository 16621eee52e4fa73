import { EnvError } from "@/lib/env";
import { DataFolderLockedError } from "@/lib/db/folder-lock";

/** Runs a command-line task; a configuration error prints its list of problems (a locked data folder, who holds it), not a stack trace. */
export async function runCli(task: () => Promise<void>): Promise<void> {
  try {
    await task();
  } catch (error) {
    if (error instanceof EnvError || error instanceof DataFolderLockedError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}
