import { format } from "node:util";

/**
 * A test fails when the code under it writes to `console.error` or `console.warn` unasked: an error
 * logged and swallowed is a bug the assertions may not see. A test that provokes one on purpose says
 * so first with `allowConsole`, naming the level and the message it expects.
 */

export type TConsoleLevel = "error" | "warn";

type TAllowance = { level: TConsoleLevel; pattern: RegExp; seen: number };

const state: { allowances: TAllowance[]; unexpected: string[] } = { allowances: [], unexpected: [] };

/** Lets the current test write this message at this level; the test fails if it never does. */
export function allowConsole(level: TConsoleLevel, pattern: RegExp): void {
  state.allowances.push({ level, pattern, seen: 0 });
}

/** Called by the console spy: an allowed message is kept quiet, any other is remembered. */
export function noteConsole(level: TConsoleLevel, args: unknown[]): boolean {
  const message = format(...args);
  const allowance = state.allowances.find((candidate) => candidate.level === level && candidate.pattern.test(message));
  if (allowance) {
    allowance.seen += 1;
    return true;
  }
  state.unexpected.push(`console.${level}: ${message}`);
  return false;
}

/** Ends the current test's watch: the problems to fail it with (unexpected output, allowances never used). */
export function finishConsoleWatch(): string[] {
  const problems = [
    ...state.unexpected,
    ...state.allowances
      .filter((allowance) => allowance.seen === 0)
      .map((allowance) => `console.${allowance.level} matching ${allowance.pattern} was allowed but never written`),
  ];
  state.allowances = [];
  state.unexpected = [];
  return problems;
}
