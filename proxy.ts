import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "@/lib/env";
import { createNonce, securityHeaders } from "@/lib/security/headers";

/**
 * Runs before every page and API request: a fresh nonce per response, the Content-Security-Policy
 * that names it (Next.js reads it from the request headers and puts it on its own scripts), and
 * HSTS when the app is served over https.
 */
export function proxy(request: NextRequest) {
  const env = getEnv();
  const nonce = createNonce();
  const headers = securityHeaders({
    nonce,
    secure: env.secureCookies,
    development: process.env.NODE_ENV === "development",
    identityProviderOrigin: env.OIDC_ISSUER ? new URL(env.OIDC_ISSUER).origin : undefined,
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", headers["content-security-policy"]!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Static build output carries no inline script and needs no nonce. Flow-log imports stay out too:
  // with a proxy in the way Next.js buffers the whole request body (and cuts it at 10 MB).
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|icon.svg|api/v1/surfaces/[^/]+/discovery/imports).*)" }],
};
