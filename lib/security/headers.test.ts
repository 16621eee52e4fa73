import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, securityHeaders } from "./headers";

const directives = (policy: string) =>
  new Map(policy.split("; ").map((directive) => [directive.split(" ")[0]!, directive.split(" ").slice(1)]));

describe("the content security policy", () => {
  const policy = directives(contentSecurityPolicy({ nonce: "abc123==", secure: true, development: false }));

  it("runs only scripts carrying the nonce, and what they load", () => {
    expect(policy.get("script-src")).toEqual(["'nonce-abc123=='", "'strict-dynamic'"]);
  });

  it("never allows inline or eval'd script in production", () => {
    expect(policy.get("script-src")!.join(" ")).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(policy.has("script-src-elem") || policy.has("script-src-attr")).toBe(false);
  });

  it("forbids plugins, base rewriting and framing", () => {
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  });

  it("allows eval only for the development server", () => {
    expect(directives(contentSecurityPolicy({ nonce: "n", secure: false, development: true })).get("script-src")).toContain(
      "'unsafe-eval'",
    );
  });

  it("lets the sign-on form reach the identity provider", () => {
    const withIdp = directives(
      contentSecurityPolicy({ nonce: "n", secure: true, development: false, identityProviderOrigin: "https://idp.example" }),
    );
    expect(withIdp.get("form-action")).toEqual(["'self'", "https://idp.example"]);
  });
});

describe("transport security", () => {
  it("sends HSTS and upgrades requests only on https", () => {
    expect(securityHeaders({ nonce: "n", secure: true, development: false })["strict-transport-security"]).toMatch(
      /^max-age=\d{8,}; includeSubDomains$/,
    );
    expect(securityHeaders({ nonce: "n", secure: true, development: false })["content-security-policy"]).toContain(
      "upgrade-insecure-requests",
    );
    const plain = securityHeaders({ nonce: "n", secure: false, development: false });
    expect(plain["strict-transport-security"]).toBeUndefined();
    expect(plain["content-security-policy"]).not.toContain("upgrade-insecure-requests");
  });
});

describe("nonces", () => {
  it("are fresh and unguessably long", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    expect([...nonces][0]).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
