import { describe, expect, it } from "vitest";
import { generate } from "otplib";
import { mfaRequiredForRoles, normalizeRecoveryCode, normalizeTotpCode, oidcClaimsSatisfyMfa, stepUpSatisfied } from "./rules";
import { checkTotp, newTotpSecret } from "./totp";
import { decryptSecret, encryptSecret, generateRecoveryCodes } from "./secrets";

const now = new Date("2026-12-07T12:00:00Z");
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

describe("the step-up window", () => {
  it("accepts a password within the window for an account without a second factor", () => {
    expect(stepUpSatisfied({ stepUpAt: minutesAgo(9), stepUpFactor: "password" }, false, now, 10)).toBe(true);
    expect(stepUpSatisfied({ stepUpAt: minutesAgo(10), stepUpFactor: "password" }, false, now, 10)).toBe(true);
  });

  it("refuses a proof older than the window, or none", () => {
    expect(stepUpSatisfied({ stepUpAt: minutesAgo(10.01), stepUpFactor: "password" }, false, now, 10)).toBe(false);
    expect(stepUpSatisfied({ stepUpAt: minutesAgo(11), stepUpFactor: "totp" }, true, now, 10)).toBe(false);
    expect(stepUpSatisfied({ stepUpAt: null, stepUpFactor: null }, false, now, 10)).toBe(false);
  });

  it("needs a second factor once the account has one: the password alone no longer counts", () => {
    expect(stepUpSatisfied({ stepUpAt: minutesAgo(1), stepUpFactor: "password" }, true, now, 10)).toBe(false);
    expect(stepUpSatisfied({ stepUpAt: minutesAgo(1), stepUpFactor: "oidc" }, true, now, 10)).toBe(false);
    for (const factor of ["totp", "recovery_code", "passkey", "oidc_mfa"]) {
      expect(stepUpSatisfied({ stepUpAt: minutesAgo(1), stepUpFactor: factor }, true, now, 10)).toBe(true);
    }
  });

  it("refuses a proof dated in the future", () => {
    expect(stepUpSatisfied({ stepUpAt: minutesAgo(-5), stepUpFactor: "password" }, false, now, 10)).toBe(false);
  });
});

describe("the per-role requirement", () => {
  it("defaults to CAB members and administrators in production only", () => {
    const none = new Map();
    expect(mfaRequiredForRoles(["CAB_MEMBER"], none, true)).toBe(true);
    expect(mfaRequiredForRoles(["VIEWER", "ADMIN"], none, true)).toBe(true);
    expect(mfaRequiredForRoles(["CONTRIBUTOR", "EXECUTIVE"], none, true)).toBe(false);
    expect(mfaRequiredForRoles(["CAB_MEMBER", "ADMIN"], none, false)).toBe(false);
  });

  it("follows an administrator's choice over the default", () => {
    const policies = new Map([
      ["CAB_MEMBER", false],
      ["CONTRIBUTOR", true],
    ] as const);
    expect(mfaRequiredForRoles(["CAB_MEMBER"], policies, true)).toBe(false);
    expect(mfaRequiredForRoles(["CONTRIBUTOR"], policies, false)).toBe(true);
  });
});

describe("single sign-on claims", () => {
  it("counts an amr naming a second factor or a configured acr", () => {
    expect(oidcClaimsSatisfyMfa({ amr: ["pwd", "otp"] }, [])).toBe(true);
    expect(oidcClaimsSatisfyMfa({ amr: ["MFA"] }, [])).toBe(true);
    expect(oidcClaimsSatisfyMfa({ acr: "urn:example:mfa" }, ["urn:example:mfa"])).toBe(true);
  });

  it("does not count a password alone, an unknown acr or malformed claims", () => {
    expect(oidcClaimsSatisfyMfa({ amr: ["pwd"] }, [])).toBe(false);
    expect(oidcClaimsSatisfyMfa({ acr: "urn:example:basic" }, ["urn:example:mfa"])).toBe(false);
    expect(oidcClaimsSatisfyMfa({ amr: "otp" }, [])).toBe(false);
    expect(oidcClaimsSatisfyMfa({}, [])).toBe(false);
  });
});

describe("TOTP codes", () => {
  const epoch = 1_800_000_000;

  it("accepts the current code and one step either side, nothing further", async () => {
    const secret = newTotpSecret();
    for (const offset of [-30, 0, 30]) {
      const code = await generate({ secret, epoch: epoch + offset });
      expect(await checkTotp(secret, code, null, epoch)).not.toBeNull();
    }
    for (const offset of [-90, 90]) {
      const code = await generate({ secret, epoch: epoch + offset });
      expect(await checkTotp(secret, code, null, epoch)).toBeNull();
    }
  });

  it("refuses a code whose step was already used (replay)", async () => {
    const secret = newTotpSecret();
    const code = await generate({ secret, epoch });
    const step = await checkTotp(secret, code, null, epoch);
    expect(step).toBe(Math.floor(epoch / 30));
    expect(await checkTotp(secret, code, step, epoch)).toBeNull();
    const next = await generate({ secret, epoch: epoch + 30 });
    expect(await checkTotp(secret, next, step, epoch)).toBe(step! + 1);
  });

  it("normalizes typed codes", () => {
    expect(normalizeTotpCode(" 123 456 ")).toBe("123456");
    expect(normalizeTotpCode("12345")).toBeNull();
    expect(normalizeTotpCode("abcdef")).toBeNull();
    expect(normalizeRecoveryCode("ABCDE-fghij ")).toBe("abcdefghij");
  });
});

describe("secrets", () => {
  it("encrypts the authenticator secret so the stored text does not contain it", () => {
    const sealed = encryptSecret("JBSWY3DPEHPK3PXP");
    expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
    expect(decryptSecret(sealed)).toBe("JBSWY3DPEHPK3PXP");
    const tampered = sealed.slice(0, -2) + (sealed.endsWith("A") ? "BB" : "AA");
    expect(() => decryptSecret(tampered)).toThrow();
  });

  it("generates ten distinct recovery codes", () => {
    const codes = generateRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
  });
});
