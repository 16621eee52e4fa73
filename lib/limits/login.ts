import { getEnv } from "@/lib/env";
import { accountDelaySeconds, MAX_ACCOUNT_DELAY_SECONDS } from "./delays";
import { databaseLimiter, retryAfterSeconds, withStoreRetry } from "./store";

/** Thrown when a sign-in is refused before the password is even checked. */
export class TooManyAttemptsError extends Error {
  constructor(public readonly retryAfterSeconds: number) {
    super("TooManyAttempts");
    this.name = "TooManyAttemptsError";
  }
}

const KNOWN_ADDRESS_DAYS = 30;

/**
 * Failed sign-ins are counted in the database, three ways:
 * - per address (any account): one source cannot spray guesses across many accounts;
 * - per account and address: the classic limit, which also applies to addresses the owner uses;
 * - per account (any address): after the free failures each one doubles a wait (capped), so
 *   distributed guessing slows down. Addresses the owner signed in from recently are exempt from
 *   this wait, so nobody elsewhere can keep an owner out.
 */
export function createLoginLimits(config: { attemptsPerAccountAndAddress: number; attemptsPerAddressPerHour: number }) {
  const perAddress = databaseLimiter({ keyPrefix: "login:address", points: config.attemptsPerAddressPerHour, duration: 3600 });
  const perPair = databaseLimiter({ keyPrefix: "login:pair", points: config.attemptsPerAccountAndAddress, duration: 15 * 60 });
  const accountFailures = databaseLimiter({ keyPrefix: "login:failures", points: Number.MAX_SAFE_INTEGER, duration: 24 * 3600 });
  const accountDelay = databaseLimiter({ keyPrefix: "login:delay", points: 1, duration: MAX_ACCOUNT_DELAY_SECONDS });
  const knownAddress = databaseLimiter({ keyPrefix: "login:known", points: 1, duration: KNOWN_ADDRESS_DAYS * 24 * 3600 });
  const pairKey = (account: string, address: string) => `${account}|${address}`;

  async function refusal(account: string, address: string): Promise<TooManyAttemptsError | null> {
    const [byAddress, byPair, known] = await Promise.all([
      perAddress.get(address),
      perPair.get(pairKey(account, address)),
      knownAddress.get(pairKey(account, address)),
    ]);
    if (byAddress && byAddress.consumedPoints >= config.attemptsPerAddressPerHour)
      return new TooManyAttemptsError(retryAfterSeconds(byAddress));
    if (byPair && byPair.consumedPoints >= config.attemptsPerAccountAndAddress) return new TooManyAttemptsError(retryAfterSeconds(byPair));
    if (known) return null;
    const delay = await accountDelay.get(account);
    return delay && delay.msBeforeNext > 0 ? new TooManyAttemptsError(retryAfterSeconds(delay)) : null;
  }

  async function recordFailure(account: string, address: string): Promise<void> {
    await withStoreRetry(() => perAddress.penalty(address));
    await withStoreRetry(() => perPair.penalty(pairKey(account, address)));
    const failures = await withStoreRetry(() => accountFailures.penalty(account));
    const wait = accountDelaySeconds(failures.consumedPoints, config.attemptsPerAccountAndAddress);
    if (wait > 0) await withStoreRetry(() => accountDelay.set(account, 1, wait));
  }

  async function recordSuccess(account: string, address: string): Promise<void> {
    await Promise.all([perPair.delete(pairKey(account, address)), accountFailures.delete(account), accountDelay.delete(account)]);
    await withStoreRetry(() => knownAddress.set(pairKey(account, address), 1, KNOWN_ADDRESS_DAYS * 24 * 3600));
  }

  /**
   * Runs one sign-in attempt under the limits: refused (TooManyAttemptsError) before `attempt`
   * runs when a limit is reached; a null result or a wrong second factor counts as a failure, anything
   * else as success.
   */
  async function limit<T>(input: { account: string; address: string }, attempt: () => Promise<T | null>): Promise<T | null> {
    const account = input.account.toLowerCase();
    const refused = await refusal(account, input.address);
    if (refused) throw refused;
    let result: T | null;
    try {
      result = await attempt();
    } catch (error) {
      // A wrong second factor is a failed guess like a wrong password: it must not be free to repeat.
      if (error instanceof Error && error.message === "MfaInvalid") await recordFailure(account, input.address);
      throw error;
    }
    if (result === null) await recordFailure(account, input.address);
    else await recordSuccess(account, input.address);
    return result;
  }

  return { limit };
}

let shared: ReturnType<typeof createLoginLimits> | undefined;

export function loginLimits(): ReturnType<typeof createLoginLimits> {
  const env = getEnv();
  shared ??= createLoginLimits({
    attemptsPerAccountAndAddress: env.LOGIN_ATTEMPTS_PER_15_MINUTES,
    attemptsPerAddressPerHour: env.LOGIN_ATTEMPTS_PER_ADDRESS_PER_HOUR,
  });
  return shared;
}
