import { describe, expect, it } from "vitest";
import { accountDelaySeconds, MAX_ACCOUNT_DELAY_SECONDS } from "./delays";

describe("the delay after failed sign-ins to one account", () => {
  it("costs nothing within the free failures", () => {
    expect([0, 1, 5, 10].map((failures) => accountDelaySeconds(failures, 10))).toEqual([0, 0, 0, 0]);
  });

  it("doubles with each failure after them", () => {
    expect([11, 12, 13, 14].map((failures) => accountDelaySeconds(failures, 10))).toEqual([2, 4, 8, 16]);
  });

  it("never exceeds the cap, however many failures", () => {
    expect(accountDelaySeconds(25, 10)).toBe(MAX_ACCOUNT_DELAY_SECONDS);
    expect(accountDelaySeconds(10_000, 10)).toBe(MAX_ACCOUNT_DELAY_SECONDS);
  });
});
