import { describe, expect, it, vi } from "vitest";
import { allowConsole, finishConsoleWatch, noteConsole } from "./console";

// These call the bookkeeping directly: the spy in setup-console.ts would otherwise fail this very test.
describe("the console watch of the test setup", () => {
  it("reports an error or warning nobody allowed, with its formatted message", () => {
    expect(noteConsole("error", ["[outbox] %s failed", "delivery"])).toBe(false);
    expect(noteConsole("warn", ["careful"])).toBe(false);
    expect(finishConsoleWatch()).toEqual(["console.error: [outbox] delivery failed", "console.warn: careful"]);
  });

  it("keeps an allowed message quiet, at its own level only", () => {
    allowConsole("error", /checkpoint #\d+ could not be sent/);
    expect(noteConsole("error", ["[audit] checkpoint #4 could not be sent to file"])).toBe(true);
    expect(noteConsole("warn", ["[audit] checkpoint #4 could not be sent to file"])).toBe(false);
    expect(finishConsoleWatch()).toEqual(["console.warn: [audit] checkpoint #4 could not be sent to file"]);
  });

  it("reports an allowance that was never used, so a test cannot allow an error it no longer provokes", () => {
    allowConsole("warn", /deprecated/);
    expect(finishConsoleWatch()).toEqual(["console.warn matching /deprecated/ was allowed but never written"]);
  });

  it("starts each test afresh", () => {
    allowConsole("error", /anything/);
    noteConsole("error", ["unexpected"]);
    finishConsoleWatch();
    expect(finishConsoleWatch()).toEqual([]);
  });

  it("lets a test that allows a message write it through the real console spy", () => {
    allowConsole("error", /expected failure/);
    console.error("an expected failure");
    expect(vi.mocked(console.error)).toHaveBeenCalledWith("an expected failure");
  });

  it("records an unallowed write through the real console spy", () => {
    console.warn("a stray warning");
    // Taken here, so that the setup's own check after this test finds nothing left.
    expect(finishConsoleWatch()).toEqual(["console.warn: a stray warning"]);
  });
});
