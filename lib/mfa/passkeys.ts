import "server-only";
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { db, type TTx } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { ValidationError } from "@/lib/errors";

const CHALLENGE_TTL_MS = 5 * 60_000;

function relyingParty() {
  const url = new URL(getEnv().appUrl);
  return { rpID: url.hostname, origin: url.origin, rpName: "Concord" };
}

/** Keeps the challenge server-side; the browser answers it once within five minutes. */
async function storeChallenge(challenge: string, purpose: "register" | "authenticate", userId: string | null): Promise<string> {
  await db.webAuthnChallenge.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  const row = await db.webAuthnChallenge.create({
    data: { challenge, purpose, userId, expiresAt: new Date(Date.now() + CHALLENGE_TTL_MS) },
    select: { id: true },
  });
  return row.id;
}

/** Takes the challenge out (a challenge answers once); null when it is unknown, spent or expired. */
async function takeChallenge(tx: TTx, id: string, purpose: string, userId: string | null): Promise<string | null> {
  const row = await tx.webAuthnChallenge.findUnique({ where: { id } });
  if (!row) return null;
  const taken = await tx.webAuthnChallenge.deleteMany({ where: { id } });
  if (taken.count !== 1 || row.purpose !== purpose || row.expiresAt < new Date()) return null;
  if (userId !== null && row.userId !== userId) return null;
  return row.challenge;
}

export async function passkeyRegistrationOptions(user: { id: string; email: string; name: string }) {
  const existing = await db.passkey.findMany({ where: { userId: user.id }, select: { id: true, transports: true } });
  const options = await generateRegistrationOptions({
    rpName: relyingParty().rpName,
    rpID: relyingParty().rpID,
    userName: user.email,
    userDisplayName: user.name,
    userID: new TextEncoder().encode(user.id),
    attestationType: "none",
    excludeCredentials: existing.map((key) => ({ id: key.id, transports: key.transports })),
    authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
  });
  return { challengeId: await storeChallenge(options.challenge, "register", user.id), options };
}

export async function verifyPasskeyRegistration(tx: TTx, userId: string, challengeId: string, response: RegistrationResponseJSON) {
  const challenge = await takeChallenge(tx, challengeId, "register", userId);
  const refused = new ValidationError(
    [{ path: "body.response", message: "was not accepted: try adding the passkey again" }],
    "The passkey was not accepted.",
  );
  if (!challenge) throw refused;
  const { rpID, origin } = relyingParty();
  const result = await verifyRegistrationResponse({
    response,
    expectedChallenge: challenge,
    expectedOrigin: origin,
    expectedRPID: rpID,
  }).catch(() => ({ verified: false as const }));
  if (!result.verified) throw refused;
  return result.registrationInfo.credential;
}

/** Options for signing in or stepping up with any passkey of this site (discoverable credentials). */
export async function passkeyAuthenticationOptions() {
  const options = await generateAuthenticationOptions({ rpID: relyingParty().rpID, userVerification: "preferred" });
  return { challengeId: await storeChallenge(options.challenge, "authenticate", null), options };
}

/** True when the answer was made by one of this user's passkeys; the signature counter moves on. */
export async function checkPasskeyAnswer(
  tx: TTx,
  userId: string,
  challengeId: string,
  response: AuthenticationResponseJSON,
): Promise<boolean> {
  const challenge = await takeChallenge(tx, challengeId, "authenticate", null);
  if (!challenge) return false;
  const key = await tx.passkey.findUnique({ where: { id: response.id } });
  if (!key || key.userId !== userId) return false;
  const { rpID, origin } = relyingParty();
  const result = await verifyAuthenticationResponse({
    response,
    expectedChallenge: challenge,
    expectedOrigin: origin,
    expectedRPID: rpID,
    credential: { id: key.id, publicKey: new Uint8Array(key.publicKey), counter: Number(key.counter), transports: key.transports as never },
  }).catch(() => ({ verified: false as const, authenticationInfo: undefined }));
  if (!result.verified || !result.authenticationInfo) return false;
  await tx.passkey.update({
    where: { id: key.id },
    data: { counter: BigInt(result.authenticationInfo.newCounter), lastUsedAt: new Date() },
  });
  return true;
}
