import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

const base = { AUTH_SECRET: "x".repeat(40), CONCORD_DATA_DIR: ":memory:" };

describe("environment", () => {
  it("applies defaults", () => {
    const env = parseEnv(base);
    expect(env.PORT).toBe(3000);
    expect(env.appUrl).toBe("http://localhost:3000");
    expect(env.SESSION_IDLE_MINUTES).toBe(30);
    expect(env.oidcEnabled).toBe(false);
  });

  it("names every wrong value", () => {
    try {
      parseEnv({ ...base, PORT: "abc", DATABASE_URL: "mysql://x" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      const problems = (error as EnvError).problems.join("\n");
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/DATABASE_URL must be a postgres/);
    }
  });

  it("requires the client credentials when OIDC is configured", () => {
    expect(() => parseEnv({ ...base, OIDC_ISSUER: "https://idp.example" })).toThrow(/OIDC_CLIENT_ID is required/);
  });

  it("requires a real secret and URL in production", () => {
    expect(() => parseEnv({ CONCORD_ENV: "production", CONCORD_DATA_DIR: ":memory:" })).toThrow(/AUTH_SECRET is required/);
  });

  it("refuses production without an audit checkpoint key of its own", () => {
    const production = { ...base, CONCORD_ENV: "production", APP_URL: "https://concord.example" };
    expect(() => parseEnv(production)).toThrow(/AUDIT_CHECKPOINT_KEY is required/);
    expect(() => parseEnv({ ...production, AUDIT_CHECKPOINT_KEY: base.AUTH_SECRET })).toThrow(/AUDIT_CHECKPOINT_KEY must differ/);
    expect(parseEnv({ ...production, AUDIT_CHECKPOINT_KEY: "k".repeat(40) }).AUDIT_CHECKPOINT_KEY).toBe("k".repeat(40));
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ ...base, DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it("refuses a plain-http APP_URL in production unless allowed", () => {
    const production = { ...base, CONCORD_ENV: "production", AUDIT_CHECKPOINT_KEY: "k".repeat(40) };
    expect(() => parseEnv({ ...production, APP_URL: "http://concord.example" })).toThrow(/APP_URL must be https/);
    expect(parseEnv({ ...production, APP_URL: "http://concord.example", CONCORD_ALLOW_HTTP: "true" }).secureCookies).toBe(false);
    expect(parseEnv({ ...production, APP_URL: "https://concord.example" }).secureCookies).toBe(true);
  });

  it("reads the trusted proxies as addresses and ranges", () => {
    expect(parseEnv({ ...base, TRUSTED_PROXIES: " 10.0.0.1, 10.1.0.0/16 ,fd00::/8" }).TRUSTED_PROXIES).toEqual([
      "10.0.0.1",
      "10.1.0.0/16",
      "fd00::/8",
    ]);
    expect(parseEnv(base).TRUSTED_PROXIES).toEqual([]);
    expect(() => parseEnv({ ...base, TRUSTED_PROXIES: "10.0.0.0/40" })).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseEnv({ ...base, TRUSTED_PROXIES: "proxy.internal" })).toThrow(/TRUSTED_PROXIES/);
  });
});
