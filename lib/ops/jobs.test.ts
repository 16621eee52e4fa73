import { describe, expect, it } from "vitest";
import { backgroundJobNames, registerBackgroundJob, stopBackgroundJobs } from "./jobs";
import { beginShutdown, isShuttingDown, onShutdown } from "./lifecycle";

describe("background jobs", () => {
  it("stops every registered job once, waiting for each and naming those that overrun", async () => {
    const stopped: string[] = [];
    registerBackgroundJob("quick", () => {
      stopped.push("quick");
    });
    registerBackgroundJob("slow", () => new Promise<void>((resolve) => setTimeout(() => (stopped.push("slow"), resolve()), 20)));
    registerBackgroundJob("stuck", () => new Promise<void>(() => undefined));
    registerBackgroundJob("failing", () => Promise.reject(new Error("boom")));
    expect(backgroundJobNames().sort()).toEqual(["failing", "quick", "slow", "stuck"]);
    const late = await stopBackgroundJobs(200);
    expect(late).toEqual(["stuck"]);
    expect(stopped.sort()).toEqual(["quick", "slow"]);
    expect(backgroundJobNames()).toEqual([]);
  });
});

describe("shutdown", () => {
  it("tells every listener once, even when one throws, and reports the instance as shutting down", () => {
    const told: string[] = [];
    onShutdown(() => told.push("stream 1"));
    onShutdown(() => {
      throw new Error("already closed");
    });
    const unsubscribe = onShutdown(() => told.push("gone"));
    onShutdown(() => told.push("stream 2"));
    unsubscribe();
    expect(isShuttingDown()).toBe(false);
    beginShutdown();
    beginShutdown();
    expect(isShuttingDown()).toBe(true);
    expect(told).toEqual(["stream 1", "stream 2"]);
  });
});
