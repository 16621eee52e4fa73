import { describe, expect, it } from "vitest";
import { DEFAULT_AFTER_SIGN_IN, safeRedirectPath, safeRedirectUrl } from "./redirect";

const origin = "https://concord.example";

describe("the target after sign-in", () => {
  it.each([
    ["/surfaces", "/surfaces"],
    ["/surfaces/abc/map?tab=flows#n1", "/surfaces/abc/map?tab=flows#n1"],
    ["/changes?q=100%25", "/changes?q=100%25"],
    ["/search?next=//evil.example", "/search?next=//evil.example"],
    ["https://concord.example/cab", "/cab"],
    ["https://concord.example:443/cab", "/cab"],
    ["/a/../admin", "/admin"],
    ["/%2e%2e/admin", "/admin"],
  ])("keeps %s on the app as %s", (target, expected) => {
    expect(safeRedirectPath(target, origin)).toBe(expected);
  });

  it.each([
    // The variants the security review found, and their relatives.
    "/\\evil.example/",
    "/%5Cevil.example/",
    "/%5cevil.example/",
    "/%255Cevil.example/",
    "/%09/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/%0a/evil.example",
    "/%0d%0a/evil.example",
    "/%00/evil.example",
    "\\\\evil.example",
    "\\/evil.example",
    "/\\/evil.example",
    "//evil.example",
    "///evil.example",
    "////evil.example/path",
    "/%2F/evil.example",
    "/%2f%2fevil.example",
    "%2F%2Fevil.example",
    "%252F%252Fevil.example",
    " //evil.example",
    "\u0000//evil.example",
    "https://evil.example",
    "https:evil.example",
    "https:/evil.example",
    "http://concord.example",
    "https://concord.example.evil.example/",
    "https://concord.example@evil.example/",
    "https://evil.example#https://concord.example",
    "HTTPS://EVIL.EXAMPLE",
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    "java\tscript:alert(1)",
    "javascript%3Aalert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "evil.example",
    "surfaces",
    "ftp://concord.example/",
    "https://concord.example:8443/",
    "",
  ])("sends %j to the dashboard", (target) => {
    expect(safeRedirectPath(target, origin)).toBe(DEFAULT_AFTER_SIGN_IN);
  });

  it("sends a missing or oversized target to the dashboard", () => {
    expect(safeRedirectPath(`/${"x".repeat(3000)}`, origin)).toBe(DEFAULT_AFTER_SIGN_IN);
    expect(safeRedirectPath(undefined, origin)).toBe(DEFAULT_AFTER_SIGN_IN);
    expect(safeRedirectPath(null, origin)).toBe(DEFAULT_AFTER_SIGN_IN);
  });

  it("gives next-auth an absolute URL on the app", () => {
    expect(safeRedirectUrl("/cab?x=1", origin)).toBe("https://concord.example/cab?x=1");
    expect(safeRedirectUrl("/\\evil.example/", origin)).toBe("https://concord.example/dashboard");
    expect(safeRedirectUrl("http://localhost:3000/flows", "http://localhost:3000")).toBe("http://localhost:3000/flows");
  });
});
