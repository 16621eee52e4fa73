import { generateSecret, generateURI, verify } from "otplib";

/** One 30-second step either side: clocks of phones drift, and people type slowly. */
export const TOTP_TOLERANCE_SECONDS = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, accountEmail: string): string {
  return generateURI({ issuer: "Concord", label: accountEmail, secret });
}

/**
 * The time step of a valid code, or null. A code whose step is not after the last accepted one is
 * refused, so an overheard code cannot be replayed.
 */
export async function checkTotp(secret: string, code: string, lastTimeStep: number | null, epochSeconds?: number): Promise<number | null> {
  const result = await verify({
    secret,
    token: code,
    epochTolerance: TOTP_TOLERANCE_SECONDS,
    ...(epochSeconds === undefined ? {} : { epoch: epochSeconds }),
    ...(lastTimeStep === null ? {} : { afterTimeStep: lastTimeStep }),
  });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}
