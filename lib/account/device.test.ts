import { describe, expect, it } from "vitest";
import { describeDevice } from "./device";

describe("a session's device", () => {
  it("names the browser, its major version and the system", () => {
    const chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.7339.80 Safari/537.36";
    expect(describeDevice(chrome)).toEqual({ label: "Chrome 140 on Linux", type: "desktop" });
  });

  it("tells a phone from a desktop", () => {
    const iphone =
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";
    expect(describeDevice(iphone)).toEqual({ label: "Safari 17 on iOS", type: "mobile" });
  });

  it("shows what it has of a client that is no browser", () => {
    expect(describeDevice("curl/8.5.0").label).toBe("curl/8.5.0");
  });

  it("says so when the sign-in sent no User-Agent", () => {
    expect(describeDevice(null)).toEqual({ label: "Unknown device", type: "unknown" });
    expect(describeDevice("  ")).toEqual({ label: "Unknown device", type: "unknown" });
  });
});
