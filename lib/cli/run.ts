import { EnvError } from "@/lib/env";

/** Runs a command-line task; a configuration error prints its list of problems, not a stack trace. */
export async function runCli(task: () => Promise<void>): Promise<void> {
  try {
    await task();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}
