import "server-only";
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { db, type TTx } from "@/lib/db";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { checkPasskeyAnswer } from "./passkeys";
import { normalizeRecoveryCode, normalizeTotpCode, type TStepUpFactor } from "./rules";
import { decryptSecret, generateRecoveryCodes } from "./secrets";
import { checkTotp } from "./totp";
import type { TSecondFactor } from "./schemas";

/** Accepts a code once: the step is recorded only if no later or equal step was recorded meanwhile. */
async function useTotp(tx: TTx, userId: string, code: string): Promise<boolean> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpLastTimeStep: true } });
  const digits = normalizeTotpCode(code);
  if (!user?.totpSecret || !digits) return false;
  const step = await checkTotp(decryptSecret(user.totpSecret), digits, user.totpLastTimeStep);
  if (step === null) return false;
  const recorded = await tx.user.updateMany({
    where: { id: userId, OR: [{ totpLastTimeStep: null }, { totpLastTimeStep: { lt: step } }] },
    data: { totpLastTimeStep: step },
  });
  return recorded.count === 1;
}

/** A recovery code works once: it is spent in the same statement that checks it is unspent. */
async function useRecoveryCode(tx: TTx, userId: string, input: string): Promise<boolean> {
  const code = normalizeRecoveryCode(input);
  const unused = await tx.recoveryCode.findMany({ where: { userId, usedAt: null }, select: { id: true, codeHash: true } });
  for (const candidate of unused) {
    if (await verifyPassword(candidate.codeHash, code)) {
      const spent = await tx.recoveryCode.updateMany({ where: { id: candidate.id, usedAt: null }, data: { usedAt: new Date() } });
      return spent.count === 1;
    }
  }
  return false;
}

/** Which second factor this proof is, when it is a valid one of this user's; null otherwise. */
export async function verifySecondFactor(userId: string, proof: TSecondFactor): Promise<TStepUpFactor | null> {
  return db.$transaction(async (tx) => {
    if ("code" in proof) return (await useTotp(tx, userId, proof.code)) ? "totp" : null;
    if ("recoveryCode" in proof) return (await useRecoveryCode(tx, userId, proof.recoveryCode)) ? "recovery_code" : null;
    const answer = proof.passkey.response as unknown as AuthenticationResponseJSON;
    return (await checkPasskeyAnswer(tx, userId, proof.passkey.challengeId, answer)) ? "passkey" : null;
  });
}

/** Replaces every recovery code of the user; the plain codes leave the server once, in this answer. */
export async function replaceRecoveryCodes(tx: TTx, userId: string): Promise<string[]> {
  const codes = generateRecoveryCodes();
  const hashes = await Promise.all(codes.map((code) => hashPassword(normalizeRecoveryCode(code))));
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: hashes.map((codeHash) => ({ userId, codeHash })) });
  return codes;
}

/** Whether the user has a second factor: a confirmed authenticator app or a passkey. */
export async function hasSecondFactor(tx: TTx, userId: string): Promise<boolean> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { totpEnabledAt: true, _count: { select: { passkeys: true } } } });
  return Boolean(user && (user.totpEnabledAt || user._count.passkeys > 0));
}
