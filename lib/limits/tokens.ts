import { getEnv } from "@/lib/env";
import { TooManyRequestsError } from "@/lib/errors";
import { databaseLimiter, isLimitReached, retryAfterSeconds, withStoreRetry } from "./store";

/** Each API token may make so many calls a minute, counted across all instances. */
export function createTokenBudget(requestsPerMinute: number) {
  const limiter = databaseLimiter({ keyPrefix: "token", points: requestsPerMinute, duration: 60 });
  return {
    /** Counts one call by the token (named by its stored hash); 429 once the minute's budget is spent. */
    async spend(tokenHash: string): Promise<void> {
      try {
        await withStoreRetry(() => limiter.consume(tokenHash));
      } catch (error) {
        if (isLimitReached(error)) throw new TooManyRequestsError(retryAfterSeconds(error));
        throw error;
      }
    },
  };
}

let shared: ReturnType<typeof createTokenBudget> | undefined;

export function tokenBudget(): ReturnType<typeof createTokenBudget> {
  shared ??= createTokenBudget(getEnv().TOKEN_REQUESTS_PER_MINUTE);
  return shared;
}
