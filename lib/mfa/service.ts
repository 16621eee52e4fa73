import "server-only";
import QRCode from "qrcode";
import type { RegistrationResponseJSON } from "@simplewebauthn/server";
import { db, type TTx } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { type TActor, type TActorContext, requireSignedIn } from "@/lib/auth/actor";
import { RuleViolationError, ValidationError, NotFoundError } from "@/lib/errors";
import { hasSecondFactor, replaceRecoveryCodes } from "./factors";
import { passkeyRegistrationOptions, verifyPasskeyRegistration } from "./passkeys";
import { rolesRequireMfa } from "./policy";
import { normalizeTotpCode } from "./rules";
import { decryptSecret, encryptSecret } from "./secrets";
import { checkTotp, newTotpSecret, totpUri } from "./totp";
import type { TMfaStatus, TRegisterPasskey, TTotpEnrolment } from "./schemas";

export async function getMfaStatus(context: TActorContext): Promise<TMfaStatus> {
  const actor = requireSignedIn(context);
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: {
      totpEnabledAt: true,
      passwordHash: true,
      passkeys: { select: { id: true, name: true, createdAt: true, lastUsedAt: true }, orderBy: { createdAt: "asc" } },
      _count: { select: { recoveryCodes: { where: { usedAt: null } } } },
    },
  });
  return {
    totp: Boolean(user.totpEnabledAt),
    passkeys: user.passkeys.map((key) => ({
      id: key.id,
      name: key.name,
      createdAt: key.createdAt.toISOString(),
      lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    })),
    recoveryCodesLeft: user._count.recoveryCodes,
    required: await rolesRequireMfa(db, actor.roles),
    hasPassword: Boolean(user.passwordHash),
  };
}

/** A new secret for the authenticator app; it only counts once a code from it is confirmed. */
export async function startTotpEnrolment(context: TActorContext): Promise<TTotpEnrolment> {
  const actor = requireSignedIn(context);
  const secret = newTotpSecret();
  await db.user.update({ where: { id: actor.id }, data: { totpPendingSecret: encryptSecret(secret) } });
  const otpauthUri = totpUri(secret, actor.email);
  return { secret, otpauthUri, qrCodeDataUrl: await QRCode.toDataURL(otpauthUri, { errorCorrectionLevel: "M", margin: 1, width: 200 }) };
}

/** After the first factor, the person also gets recovery codes (unless they still hold some). */
async function afterFactorAdded(tx: TTx, context: TActorContext, userId: string): Promise<string[] | null> {
  await tx.user.update({ where: { id: userId }, data: { mfaEnabled: true } });
  // Sessions held back for enrolment are free to go on.
  await tx.session.updateMany({ where: { userId, mfaEnrolmentRequired: true }, data: { mfaEnrolmentRequired: false } });
  if ((await tx.recoveryCode.count({ where: { userId, usedAt: null } })) > 0) return null;
  const codes = await replaceRecoveryCodes(tx, userId);
  await recordAudit(tx, context, { action: "mfa.recovery_codes.generate", entityType: "User", entityId: userId });
  return codes;
}

export async function confirmTotpEnrolment(context: TActorContext, code: string): Promise<{ recoveryCodes: string[] | null }> {
  const actor = requireSignedIn(context);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { totpPendingSecret: true } });
    if (!user.totpPendingSecret) throw new RuleViolationError("Start the authenticator set-up first.", "no_enrolment");
    const digits = normalizeTotpCode(code);
    const step = digits ? await checkTotp(decryptSecret(user.totpPendingSecret), digits, null) : null;
    if (step === null)
      throw new ValidationError(
        [{ path: "body.code", message: "is not the current code of the authenticator app" }],
        "The code is not valid.",
      );
    await tx.user.update({
      where: { id: actor.id },
      data: { totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpEnabledAt: new Date(), totpLastTimeStep: step },
    });
    await recordAudit(tx, context, { action: "mfa.totp.enable", entityType: "User", entityId: actor.id });
    return { recoveryCodes: await afterFactorAdded(tx, context, actor.id) };
  });
}

/** The last factor cannot go while the person's role requires one. */
async function afterFactorRemoved(tx: TTx, context: TActorContext, actor: TActor): Promise<void> {
  if (await hasSecondFactor(tx, actor.id)) return;
  if (await rolesRequireMfa(tx, actor.roles)) {
    throw new RuleViolationError("Your role requires a second factor: add another before removing this one.", "mfa_required_by_role");
  }
  await tx.user.update({ where: { id: actor.id }, data: { mfaEnabled: false } });
  await tx.recoveryCode.deleteMany({ where: { userId: actor.id } });
}

export async function removeTotp(context: TActorContext): Promise<TMfaStatus> {
  const actor = requireSignedIn(context);
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { totpEnabledAt: true } });
    if (!user.totpEnabledAt) throw new NotFoundError("The authenticator app");
    await tx.user.update({
      where: { id: actor.id },
      data: { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastTimeStep: null },
    });
    await afterFactorRemoved(tx, context, actor);
    await recordAudit(tx, context, { action: "mfa.totp.disable", entityType: "User", entityId: actor.id });
  });
  return getMfaStatus(context);
}

export async function regenerateRecoveryCodes(context: TActorContext): Promise<{ recoveryCodes: string[] }> {
  const actor = requireSignedIn(context);
  return db.$transaction(async (tx) => {
    if (!(await hasSecondFactor(tx, actor.id))) {
      throw new RuleViolationError("Recovery codes come with a second factor: set one up first.", "no_second_factor");
    }
    const recoveryCodes = await replaceRecoveryCodes(tx, actor.id);
    await recordAudit(tx, context, { action: "mfa.recovery_codes.generate", entityType: "User", entityId: actor.id });
    return { recoveryCodes };
  });
}

export async function startPasskeyRegistration(context: TActorContext) {
  return passkeyRegistrationOptions(requireSignedIn(context));
}

export async function registerPasskey(context: TActorContext, input: TRegisterPasskey): Promise<{ recoveryCodes: string[] | null }> {
  const actor = requireSignedIn(context);
  return db.$transaction(async (tx) => {
    const credential = await verifyPasskeyRegistration(
      tx,
      actor.id,
      input.challengeId,
      input.response as unknown as RegistrationResponseJSON,
    );
    await tx.passkey.create({
      data: {
        id: credential.id,
        userId: actor.id,
        name: input.name,
        publicKey: Buffer.from(credential.publicKey),
        counter: BigInt(credential.counter),
        transports: credential.transports ?? [],
      },
    });
    await recordAudit(tx, context, {
      action: "mfa.passkey.add",
      entityType: "Passkey",
      entityId: credential.id,
      after: { name: input.name },
    });
    return { recoveryCodes: await afterFactorAdded(tx, context, actor.id) };
  });
}

export async function removePasskey(context: TActorContext, id: string): Promise<TMfaStatus> {
  const actor = requireSignedIn(context);
  await db.$transaction(async (tx) => {
    const removed = await tx.passkey.deleteMany({ where: { id, userId: actor.id } });
    if (removed.count !== 1) throw new NotFoundError("The passkey");
    await afterFactorRemoved(tx, context, actor);
    await recordAudit(tx, context, { action: "mfa.passkey.remove", entityType: "Passkey", entityId: id });
  });
  return getMfaStatus(context);
}
