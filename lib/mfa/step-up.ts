import "server-only";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { db, type TTx } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import type { TActor, TActorContext } from "@/lib/auth/actor";
import { verifyPassword } from "@/lib/auth/password";
import { getEnv } from "@/lib/env";
import { AppError, UnauthorizedError, ValidationError } from "@/lib/errors";
import { hasSecondFactor, verifySecondFactor } from "./factors";
import { rolesRequireMfa } from "./policy";
import { isSecondFactor, stepUpSatisfied, type TStepUpFactor } from "./rules";
import { ZPasskeyAnswer, type TSecondFactor, type TStepUp } from "./schemas";

/** What a session knows about the last proof of identity in it. */
export type TSessionProof = { stepUpAt: Date | null; stepUpFactor: string | null; hasSecondFactor: boolean };

/** The ways a person can confirm it is them; the dialog offers these. */
export type TStepUpMethod = "password" | "totp" | "recovery_code" | "passkey" | "sso";

export class StepUpRequiredError extends AppError {
  constructor(methods: TStepUpMethod[]) {
    super(403, "step_up_required", "Confirm it is you to make this decision.", { methods });
  }
}

export class MfaEnrolmentRequiredError extends AppError {
  constructor() {
    super(403, "mfa_enrolment_required", "Your role requires a second factor: set one up under Account → Security first.");
  }
}

/** The columns a new session starts with: signing in is itself a fresh proof. */
export async function sessionProofFields(tx: TTx, actor: TActor, factor: TStepUpFactor) {
  const enrolmentRequired = !isSecondFactor(factor) && (await rolesRequireMfa(tx, actor.roles)) && !(await hasSecondFactor(tx, actor.id));
  return { stepUpAt: new Date(), stepUpFactor: factor, mfaEnrolmentRequired: enrolmentRequired };
}

export async function stepUpMethods(userId: string): Promise<TStepUpMethod[]> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { passwordHash: true, totpEnabledAt: true, _count: { select: { passkeys: true, recoveryCodes: { where: { usedAt: null } } } } },
  });
  if (!user) return [];
  const methods: TStepUpMethod[] = [];
  if (user.totpEnabledAt) methods.push("totp");
  if (user._count.passkeys > 0) methods.push("passkey");
  if (user._count.recoveryCodes > 0) methods.push("recovery_code");
  if (methods.length > 0) return methods;
  return user.passwordHash ? ["password"] : ["sso"];
}

/** Refuses a decision unless the session holds a recent enough proof (STEP_UP_MINUTES). */
export async function assertStepUp(actor: TActor, proof: TSessionProof): Promise<void> {
  if (stepUpSatisfied(proof, proof.hasSecondFactor, new Date(), getEnv().STEP_UP_MINUTES)) return;
  throw new StepUpRequiredError(await stepUpMethods(actor.id));
}

/** Ten wrong answers per session in fifteen minutes, then a wait: codes are short. */
const STEP_UP_ATTEMPTS = 10;
const stepUpLimiter = new RateLimiterMemory({ points: STEP_UP_ATTEMPTS, duration: 15 * 60 });

function tooManyAttempts(): AppError {
  return new AppError(429, "too_many_attempts", "Too many attempts. Wait a few minutes and try again.");
}

async function checkProof(userId: string, passwordHash: string | null, input: TStepUp): Promise<TStepUpFactor | null> {
  if ("password" in input) {
    if (await hasSecondFactor(db, userId)) {
      throw new ValidationError(
        [
          {
            path: "body.password",
            message: "is not enough for an account with a second factor: use the code, a passkey or a recovery code",
          },
        ],
        "Use your second factor.",
      );
    }
    return (await verifyPassword(passwordHash, input.password)) ? "password" : null;
  }
  return verifySecondFactor(userId, input);
}

/** Checks the proof against the session's user and, when it holds, renews the session's step-up. */
export async function stepUp(
  context: TActorContext,
  sessionId: string | null,
  input: TStepUp,
): Promise<{ stepUpAt: string; factor: TStepUpFactor }> {
  const actor = context.actor;
  if (!actor || !sessionId) throw new UnauthorizedError("Confirming with a factor needs a signed-in browser session.");
  if (((await stepUpLimiter.get(sessionId))?.consumedPoints ?? 0) >= STEP_UP_ATTEMPTS) throw tooManyAttempts();
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
  const factor = await checkProof(actor.id, user.passwordHash, input);
  if (!factor) {
    await stepUpLimiter.consume(sessionId).catch(() => {
      throw tooManyAttempts();
    });
    const field = Object.keys(input)[0] ?? "(root)";
    throw new ValidationError([{ path: `body.${field}`, message: "was not accepted" }], "That did not confirm it is you.");
  }
  const stepUpAt = new Date();
  await db.$transaction(async (tx) => {
    await tx.session.update({ where: { id: sessionId }, data: { stepUpAt, stepUpFactor: factor } });
    await recordAudit(tx, context, { action: "auth.step_up", entityType: "Session", entityId: sessionId, after: { factor } });
  });
  return { stepUpAt: stepUpAt.toISOString(), factor };
}

/**
 * The second step of a password sign-in for an account with a second factor: `MfaRequired` asks the
 * form for it, `MfaInvalid` says the one given was wrong. Returns how the person proved it.
 */
export async function signInFactor(userId: string, raw: Record<string, string> | undefined): Promise<TStepUpFactor> {
  if (!(await hasSecondFactor(db, userId))) return "password";
  const proof: TSecondFactor | null = raw?.code
    ? { code: raw.code }
    : raw?.recoveryCode
      ? { recoveryCode: raw.recoveryCode }
      : raw?.passkey
        ? parsePasskeyField(raw.passkey)
        : null;
  if (!proof) throw new Error("MfaRequired");
  const factor = await verifySecondFactor(userId, proof);
  if (!factor) throw new Error("MfaInvalid");
  return factor;
}

function parsePasskeyField(text: string): TSecondFactor | null {
  try {
    const parsed = ZPasskeyAnswer.safeParse(JSON.parse(text));
    return parsed.success ? { passkey: parsed.data } : null;
  } catch {
    return null;
  }
}
