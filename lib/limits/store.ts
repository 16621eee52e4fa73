import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "@/lib/db";

export { RateLimiterRes };

/**
 * A limiter whose counters live in the `RateLimit` table (Postgres or the embedded PGlite), so
 * every instance shares them and a restart forgets nothing.
 */
export function databaseLimiter(options: { keyPrefix: string; points: number; duration: number }): RateLimiterPrisma {
  const config: ConstructorParameters<typeof RateLimiterPrisma>[0] = { ...options, storeClient: db, tableName: "rateLimit" };
  return new RateLimiterPrisma(config);
}

/** A refusal from the limiter (as opposed to a database error, which must not pass as one). */
export function isLimitReached(error: unknown): error is RateLimiterRes {
  return error instanceof RateLimiterRes;
}

/**
 * Two first attempts at once can both try to insert the counter row; the loser retries and
 * finds the row. Limiter refusals are passed through untouched.
 */
export async function withStoreRetry<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (isLimitReached(error)) throw error;
    return operation();
  }
}

export function retryAfterSeconds(result: RateLimiterRes): number {
  return Math.max(1, Math.ceil(result.msBeforeNext / 1000));
}
