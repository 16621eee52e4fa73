import crypto from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, describe, expect, it, vi } from "vitest";
import { generate } from "otplib";
import { db } from "@/lib/db";
import { hashApiToken, resolveSession, startSession } from "@/lib/auth/sessions";
import { hashPassword } from "@/lib/auth/password";
import { contextFor, createTestUser } from "@/lib/test/factories";
import type { TActor } from "@/lib/auth/actor";
import { confirmTotpEnrolment, getMfaStatus, regenerateRecoveryCodes, removeTotp, startTotpEnrolment } from "./service";
import { verifySecondFactor } from "./factors";
import { setMfaPolicy } from "./policy";
import { signInFactor, stepUp } from "./step-up";

// The API wrapper reads the browser session through next-auth's cookie; here the test names it.
const browser = vi.hoisted(() => ({ sessionId: null as string | null }));
vi.mock("@/lib/auth/current", () => ({ getCurrentSession: () => resolveSession(browser.sessionId) }));
const { apiRoute } = await import("@/lib/api/route");

const decisions: string[] = [];
const decisionRoute = apiRoute({ permission: "dashboard.read", decision: true }, async ({ actor }) => {
  decisions.push(actor.id);
  return { decided: true };
});
const ordinaryRoute = apiRoute({ permission: "dashboard.read" }, async () => ({ ok: true }));
const enrolmentRoute = apiRoute({ permission: "dashboard.read", duringMfaEnrolment: true }, async () => ({ ok: true }));

function call(handler: typeof decisionRoute, headers: Record<string, string> = {}) {
  return handler(
    new NextRequest("http://localhost/api/v1/test", { method: "POST", headers: { "sec-fetch-site": "same-origin", ...headers } }),
    {
      params: Promise.resolve({}),
    },
  );
}

async function withPassword(actor: TActor, password = "correct horse battery staple") {
  await db.user.update({ where: { id: actor.id }, data: { passwordHash: await hashPassword(password) } });
  return password;
}

/** Enrols an authenticator app the way the account page does; returns its secret and recovery codes. */
async function enrolTotp(actor: TActor) {
  const context = contextFor(actor);
  const { secret } = await startTotpEnrolment(context);
  const { recoveryCodes } = await confirmTotpEnrolment(context, await generate({ secret }));
  return { secret, recoveryCodes: recoveryCodes! };
}

/** A code of the next time step: the current one was spent by the enrolment. */
const nextCode = (secret: string) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });

async function ageStepUp(sessionId: string, minutes: number) {
  await db.session.update({ where: { id: sessionId }, data: { stepUpAt: new Date(Date.now() - minutes * 60_000) } });
}

describe("enrolling an authenticator app", () => {
  it("keeps the secret encrypted, confirms it with a code and hands out ten recovery codes once", async () => {
    const actor = await createTestUser("SECOPS", ["CONTRIBUTOR"]);
    const context = contextFor(actor);
    const { secret, otpauthUri, qrCodeDataUrl } = await startTotpEnrolment(context);
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect(qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    const stored = await db.user.findUniqueOrThrow({ where: { id: actor.id } });
    expect(stored.totpPendingSecret).not.toContain(secret);
    expect(stored.totpEnabledAt).toBeNull();

    const { recoveryCodes } = await confirmTotpEnrolment(context, await generate({ secret }));
    expect(recoveryCodes).toHaveLength(10);
    const hashes = await db.recoveryCode.findMany({ where: { userId: actor.id } });
    expect(hashes).toHaveLength(10);
    for (const code of recoveryCodes!) expect(hashes.some((row) => row.codeHash.includes(code))).toBe(false);

    const status = await getMfaStatus(context);
    expect(status).toMatchObject({ totp: true, recoveryCodesLeft: 10 });
    expect(JSON.stringify(status)).not.toContain(secret);
  });

  it("refuses a wrong code and enables nothing", async () => {
    const actor = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    const context = contextFor(actor);
    const { secret } = await startTotpEnrolment(context);
    const right = await generate({ secret });
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, "0");
    await expect(confirmTotpEnrolment(context, wrong)).rejects.toMatchObject({ status: 400 });
    const stored = await db.user.findUniqueOrThrow({ where: { id: actor.id } });
    expect(stored).toMatchObject({ totpSecret: null, totpEnabledAt: null, mfaEnabled: false });
    expect(await db.recoveryCode.count({ where: { userId: actor.id } })).toBe(0);
  });
});

describe("second factors", () => {
  it("accepts a code once: the same code is refused afterwards (replay)", async () => {
    const actor = await createTestUser("SECOPS", ["CONTRIBUTOR"]);
    const { secret } = await enrolTotp(actor);
    const code = await nextCode(secret);
    expect(await verifySecondFactor(actor.id, { code })).toBe("totp");
    expect(await verifySecondFactor(actor.id, { code })).toBeNull();
  });

  it("spends a recovery code on use and refuses it the second time", async () => {
    const actor = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    const { recoveryCodes } = await enrolTotp(actor);
    const code = recoveryCodes[3]!;
    expect(await verifySecondFactor(actor.id, { recoveryCode: code.toUpperCase() })).toBe("recovery_code");
    expect(await verifySecondFactor(actor.id, { recoveryCode: code })).toBeNull();
    expect(await db.recoveryCode.count({ where: { userId: actor.id, usedAt: null } })).toBe(9);
    expect(await verifySecondFactor(actor.id, { recoveryCode: "aaaaa-bbbbb" })).toBeNull();
  });

  it("regenerating replaces every recovery code", async () => {
    const actor = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    const { recoveryCodes: first } = await enrolTotp(actor);
    const { recoveryCodes: second } = await regenerateRecoveryCodes(contextFor(actor));
    expect(await verifySecondFactor(actor.id, { recoveryCode: first[0]! })).toBeNull();
    expect(await verifySecondFactor(actor.id, { recoveryCode: second[0]! })).toBe("recovery_code");
  });

  it("asks the sign-in form for the second factor after the password, and refuses a wrong one", async () => {
    const plain = await createTestUser("SECOPS", ["VIEWER"]);
    expect(await signInFactor(plain.id, {})).toBe("password");
    const actor = await createTestUser("SECOPS", ["CONTRIBUTOR"]);
    const { secret, recoveryCodes } = await enrolTotp(actor);
    await expect(signInFactor(actor.id, {})).rejects.toThrow("MfaRequired");
    const next = await nextCode(secret);
    await expect(signInFactor(actor.id, { code: next === "000000" ? "111111" : "000000" })).rejects.toThrow("MfaInvalid");
    expect(await signInFactor(actor.id, { code: next })).toBe("totp");
    expect(await signInFactor(actor.id, { recoveryCode: recoveryCodes[0]! })).toBe("recovery_code");
    await expect(signInFactor(actor.id, { recoveryCode: recoveryCodes[0]! })).rejects.toThrow("MfaInvalid");
  });
});

describe("step-up for decisions", () => {
  it("lets a fresh password sign-in decide, and refuses once the window has passed, deciding nothing", async () => {
    const actor = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    await withPassword(actor);
    browser.sessionId = await startSession(actor, { method: "password", factor: "password" });
    expect((await call(decisionRoute)).status).toBe(200);
    expect(decisions.filter((id) => id === actor.id)).toHaveLength(1);

    await ageStepUp(browser.sessionId, 11);
    const refused = await call(decisionRoute);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: "step_up_required", methods: ["password"] } });
    expect(decisions.filter((id) => id === actor.id)).toHaveLength(1);
    expect((await call(ordinaryRoute)).status).toBe(200);
  });

  it("accepts the password again, then the decision goes through; a wrong password is refused and changes nothing", async () => {
    const actor = await createTestUser("SECOPS", ["CONTRIBUTOR"]);
    const password = await withPassword(actor);
    const sessionId = await startSession(actor, { method: "password", factor: "password" });
    browser.sessionId = sessionId;
    await ageStepUp(sessionId, 30);
    const context = contextFor(actor);

    await expect(stepUp(context, sessionId, { password: "not it" })).rejects.toMatchObject({ status: 400 });
    expect((await db.session.findUniqueOrThrow({ where: { id: sessionId } })).stepUpAt!.getTime()).toBeLessThan(Date.now() - 29 * 60_000);
    expect((await call(decisionRoute)).status).toBe(403);

    await stepUp(context, sessionId, { password });
    expect((await call(decisionRoute)).status).toBe(200);
    expect(await db.auditEvent.count({ where: { action: "auth.step_up", entityId: sessionId } })).toBe(1);
  });

  it("needs the second factor, not the password, once the account has one", async () => {
    const actor = await createTestUser("SECOPS", ["CAB_MEMBER"]);
    const password = await withPassword(actor);
    const sessionId = await startSession(actor, { method: "password", factor: "password" });
    browser.sessionId = sessionId;
    const { secret } = await enrolTotp(actor);

    const refused = await call(decisionRoute);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: "step_up_required", methods: ["totp", "recovery_code"] } });
    await expect(stepUp(contextFor(actor), sessionId, { password })).rejects.toMatchObject({ status: 400 });
    expect((await call(decisionRoute)).status).toBe(403);

    await stepUp(contextFor(actor), sessionId, { code: await nextCode(secret) });
    expect((await call(decisionRoute)).status).toBe(200);
  });

  it("does not ask API tokens (their services decide whether a token may decide)", async () => {
    const actor = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    const token = crypto.randomBytes(24).toString("base64url");
    await db.apiToken.create({
      data: { name: "test", tokenHash: hashApiToken(token), userId: actor.id, createdById: actor.id, scopes: [] },
    });
    browser.sessionId = null;
    expect((await call(decisionRoute, { authorization: `Bearer ${token}` })).status).toBe(200);
  });
});

describe("a role that requires a second factor", () => {
  afterAll(async () => {
    await db.mfaRolePolicy.deleteMany({ where: { role: "EXECUTIVE" } });
  });

  it("only an administrator sets it, with a step-up on the route, and nothing is written on refusal", async () => {
    const contributor = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    await expect(setMfaPolicy(contextFor(contributor), { role: "EXECUTIVE", required: true })).rejects.toMatchObject({ status: 403 });
    expect(await db.mfaRolePolicy.findUnique({ where: { role: "EXECUTIVE" } })).toBeNull();
  });

  it("holds a new session to enrolment until the person sets up a factor", async () => {
    const admin = await createTestUser("LEADERSHIP", ["ADMIN"]);
    const policies = await setMfaPolicy(contextFor(admin), { role: "EXECUTIVE", required: true });
    expect(policies.find((policy) => policy.role === "EXECUTIVE")).toMatchObject({ required: true, isDefault: false });

    const executive = await createTestUser("LEADERSHIP", ["EXECUTIVE"]);
    const sessionId = await startSession(executive, { method: "password", factor: "password" });
    browser.sessionId = sessionId;
    expect((await resolveSession(sessionId))?.mfaEnrolmentRequired).toBe(true);
    const held = await call(ordinaryRoute);
    expect(held.status).toBe(403);
    expect(await held.json()).toMatchObject({ error: { code: "mfa_enrolment_required" } });
    expect((await call(enrolmentRoute)).status).toBe(200);

    await enrolTotp(executive);
    expect((await resolveSession(sessionId))?.mfaEnrolmentRequired).toBe(false);
    expect((await call(ordinaryRoute)).status).toBe(200);
    // The last factor cannot be removed while the role requires one.
    await expect(removeTotp(contextFor(executive))).rejects.toMatchObject({ status: 409, code: "mfa_required_by_role" });
    expect((await db.user.findUniqueOrThrow({ where: { id: executive.id } })).totpEnabledAt).not.toBeNull();
  });

  it("is satisfied by a single sign-on that reports a second factor", async () => {
    const executive = await createTestUser("LEADERSHIP", ["EXECUTIVE"]);
    await db.mfaRolePolicy.upsert({
      where: { role: "EXECUTIVE" },
      create: { role: "EXECUTIVE", required: true },
      update: { required: true },
    });
    const viaMfa = await startSession(executive, { method: "oidc", factor: "oidc_mfa" });
    const viaPassword = await startSession(executive, { method: "oidc", factor: "oidc" });
    expect((await resolveSession(viaMfa))?.mfaEnrolmentRequired).toBe(false);
    expect((await resolveSession(viaPassword))?.mfaEnrolmentRequired).toBe(true);
  });
});
