import { afterEach, beforeEach, vi } from "vitest";
import { finishConsoleWatch, noteConsole, type TConsoleLevel } from "./console";

// Every Vitest project loads this file: see lib/test/console.ts for the rule and `allowConsole`.
const LEVELS: TConsoleLevel[] = ["error", "warn"];

beforeEach(() => {
  for (const level of LEVELS) {
    const original = console[level].bind(console);
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      // Unexpected output still reaches the terminal, so the failure can be read in context.
      if (!noteConsole(level, args)) original(...args);
    });
  }
});

afterEach(() => {
  for (const level of LEVELS) vi.mocked(console[level]).mockRestore();
  const problems = finishConsoleWatch();
  if (problems.length > 0)
    throw new Error(`The test wrote to the console unexpectedly (allow it with allowConsole if it is expected):\n${problems.join("\n")}`);
});
