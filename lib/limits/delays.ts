/** The longest an account's sign-in is held back after failures: a delay, never a lockout. */
export const MAX_ACCOUNT_DELAY_SECONDS = 15 * 60;

/**
 * Seconds a sign-in to an account must wait after its `failures`-th consecutive failure. The first
 * `freeFailures` cost nothing; each one after doubles the wait (2 s, 4 s, 8 s …) up to the cap, so
 * guessing gets slower and slower while the owner is at most briefly held up.
 */
export function accountDelaySeconds(failures: number, freeFailures: number): number {
  const excess = failures - freeFailures;
  if (excess <= 0) return 0;
  return Math.min(MAX_ACCOUNT_DELAY_SECONDS, 2 ** Math.min(excess, 30));
}
