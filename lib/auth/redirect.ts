/** Where a sign-in lands when the requested target is missing or leaves the app. */
export const DEFAULT_AFTER_SIGN_IN = "/dashboard";

// Browsers drop tabs and newlines inside URLs and read a backslash as a slash, so any of these
// in a target (raw or percent-decoded) could turn a harmless-looking path into another host.
const SUSPICIOUS = /[\u0000-\u001f\u007f\\]/;
const MAX_DECODE_ROUNDS = 3;

function sameOrigin(candidate: string, origin: URL): URL | null {
  let resolved: URL;
  try {
    resolved = new URL(candidate, origin);
  } catch {
    return null;
  }
  return resolved.origin === origin.origin ? resolved : null;
}

function decodeOnce(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/**
 * The path to send a user to after signing in. The target is resolved against the app's origin
 * with the URL parser and must stay on it; so must every percent-decoded reading of it, because
 * later hops (a proxy, the router) may decode it again. Anything else lands on the dashboard.
 * Returns a path relative to the origin (`/surfaces?x=1#y`).
 */
export function safeRedirectPath(target: string | null | undefined, appOrigin: string): string {
  if (typeof target !== "string" || target === "" || target.length > 2048) return DEFAULT_AFTER_SIGN_IN;
  let origin: URL;
  try {
    origin = new URL(appOrigin);
  } catch {
    return DEFAULT_AFTER_SIGN_IN;
  }
  let reading = target;
  for (let round = 0; round <= MAX_DECODE_ROUNDS; round += 1) {
    if (SUSPICIOUS.test(reading)) return DEFAULT_AFTER_SIGN_IN;
    const resolved = sameOrigin(reading, origin);
    // A path from the root or a full http(s) URL; never "evil", "https:evil" or "https:/evil",
    // which parsers disagree about.
    const relativeShape = /^https?:\/\//i.test(reading) || reading.startsWith("/");
    if (!resolved || !relativeShape || resolved.pathname.startsWith("//")) return DEFAULT_AFTER_SIGN_IN;
    // A lone "%" does not decode; nothing further can be hidden behind it.
    const next = decodeOnce(reading);
    if (next === null || next === reading) break;
    reading = next;
  }
  const resolved = sameOrigin(target, origin)!;
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}

/** next-auth wants an absolute URL back from its redirect callback. */
export function safeRedirectUrl(target: string | null | undefined, appOrigin: string): string {
  return new URL(safeRedirectPath(target, appOrigin), appOrigin).toString();
}
