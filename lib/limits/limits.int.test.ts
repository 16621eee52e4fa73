import { describe, expect, it } from "vitest";
import { uniqueSuffix } from "@/lib/test/factories";
import { TooManyRequestsError } from "@/lib/errors";
import { PEER_ADDRESS_HEADER } from "@/lib/net/client-address";
import { requestClientAddress } from "@/lib/net/request-address";
import { createLoginLimits, TooManyAttemptsError } from "./login";
import { createTokenBudget } from "./tokens";

const config = { attemptsPerAccountAndAddress: 3, attemptsPerAddressPerHour: 20 };
const wrongPassword = async (): Promise<{ ok: true } | null> => null;
const rightPassword = async (): Promise<{ ok: true } | null> => ({ ok: true });

function account(): string {
  return `someone-${uniqueSuffix()}@test.example`;
}

function address(): string {
  const byte = () => Math.floor(Math.random() * 250) + 1;
  return `198.51.${byte()}.${byte()}`;
}

/** Calls `attempt` under the limits; "refused" when the limiter stopped it before it ran. */
async function tryOnce(limits: ReturnType<typeof createLoginLimits>, input: { account: string; address: string }, attempt = wrongPassword) {
  let ran = false;
  try {
    const result = await limits.limit(input, async () => {
      ran = true;
      return attempt();
    });
    return result === null ? "failed" : "signed-in";
  } catch (error) {
    expect(error).toBeInstanceOf(TooManyAttemptsError);
    expect(ran).toBe(false);
    return "refused";
  }
}

describe("login limits", () => {
  it("key on the socket's address: rotating X-Forwarded-For does not reset the count", async () => {
    const limits = createLoginLimits(config);
    const victim = account();
    const peer = address();
    const outcomes: string[] = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const ip = requestClientAddress({ [PEER_ADDRESS_HEADER]: peer, "x-forwarded-for": `10.9.${attempt}.1` });
      expect(ip).toBe(peer);
      outcomes.push(await tryOnce(limits, { account: victim, address: ip }));
    }
    expect(outcomes).toEqual(["failed", "failed", "failed", "refused", "refused"]);
  });

  it("limit one address across many accounts", async () => {
    const limits = createLoginLimits({ attemptsPerAccountAndAddress: 3, attemptsPerAddressPerHour: 4 });
    const sprayer = address();
    const outcomes = [];
    for (let attempt = 0; attempt < 6; attempt += 1) outcomes.push(await tryOnce(limits, { account: account(), address: sprayer }));
    expect(outcomes).toEqual(["failed", "failed", "failed", "failed", "refused", "refused"]);
  });

  it("slow down guesses at one account from many addresses, with a growing wait", async () => {
    const limits = createLoginLimits(config);
    const target = account();
    for (let attempt = 0; attempt < 3; attempt += 1) expect(await tryOnce(limits, { account: target, address: address() })).toBe("failed");
    // The fourth failure (past the free three) starts a wait that a fresh address cannot skip.
    expect(await tryOnce(limits, { account: target, address: address() })).toBe("failed");
    let refusal: unknown;
    await limits.limit({ account: target, address: address() }, wrongPassword).catch((error: unknown) => (refusal = error));
    expect(refusal).toBeInstanceOf(TooManyAttemptsError);
    expect((refusal as TooManyAttemptsError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect((refusal as TooManyAttemptsError).retryAfterSeconds).toBeLessThanOrEqual(2);
  });

  it("let the owner in from an address they signed in from, while others are held back", async () => {
    const limits = createLoginLimits(config);
    const owner = account();
    const home = address();
    expect(await tryOnce(limits, { account: owner, address: home }, rightPassword)).toBe("signed-in");
    for (let attempt = 0; attempt < 5; attempt += 1) await tryOnce(limits, { account: owner, address: address() });
    expect(await tryOnce(limits, { account: owner, address: address() })).toBe("refused");
    expect(await tryOnce(limits, { account: owner, address: home }, rightPassword)).toBe("signed-in");
  });

  it("hold across limiter instances (another server, a restart): the counters are in the database", async () => {
    const victim = account();
    const peer = address();
    for (let attempt = 0; attempt < 3; attempt += 1) await tryOnce(createLoginLimits(config), { account: victim, address: peer });
    expect(await tryOnce(createLoginLimits(config), { account: victim, address: peer })).toBe("refused");
  });

  it("treat the account name case-insensitively", async () => {
    const limits = createLoginLimits(config);
    const name = account();
    const peer = address();
    for (const spelling of [name, name.toUpperCase(), name]) await tryOnce(limits, { account: spelling, address: peer });
    expect(await tryOnce(limits, { account: name.toUpperCase(), address: peer })).toBe("refused");
  });
});

describe("the per-token budget", () => {
  it("refuses calls beyond the minute's budget with a retry time, across instances", async () => {
    const token = `hash-${uniqueSuffix()}`;
    const first = createTokenBudget(3);
    for (let call = 0; call < 3; call += 1) await first.spend(token);
    const refusal = await createTokenBudget(3)
      .spend(token)
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(TooManyRequestsError);
    expect((refusal as TooManyRequestsError).status).toBe(429);
    expect((refusal as TooManyRequestsError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect((refusal as TooManyRequestsError).retryAfterSeconds).toBeLessThanOrEqual(60);
    // Another token has its own budget.
    await expect(first.spend(`hash-${uniqueSuffix()}`)).resolves.toBeUndefined();
  });
});
