/** Two years, the HSTS preload list's minimum. */
const HSTS_MAX_AGE_SECONDS = 63_072_000;

export type TPolicyInput = {
  nonce: string;
  /** APP_URL is https: upgrade subresource requests and send HSTS. */
  secure: boolean;
  /** `next dev` rebuilds error stacks with eval; a production build never needs it. */
  development: boolean;
  /** Where the single sign-on form may send the browser, when one is configured. */
  identityProviderOrigin?: string;
};

/**
 * The page's Content-Security-Policy. Scripts run only with this response's nonce (and what those
 * scripts load: 'strict-dynamic'); no inline or eval'd script otherwise. Styles allow inline
 * because React Flow, Recharts and Radix position elements with style attributes and sonner
 * inserts its stylesheet at run time without a nonce; a style cannot run code.
 */
export function contentSecurityPolicy(input: TPolicyInput): string {
  const directives: Array<[string, ...string[]]> = [
    ["default-src", "'self'"],
    ["script-src", `'nonce-${input.nonce}'`, "'strict-dynamic'", ...(input.development ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'", "data:"],
    ["connect-src", "'self'"],
    ["worker-src", "'self'", "blob:"],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'self'", ...(input.identityProviderOrigin ? [input.identityProviderOrigin] : [])],
    ["frame-ancestors", "'none'"],
    ...(input.secure ? ([["upgrade-insecure-requests"]] as Array<[string]>) : []),
  ];
  return directives.map((directive) => directive.join(" ")).join("; ");
}

/** Headers every response carries on top of next.config.js's static ones. */
export function securityHeaders(input: TPolicyInput): Record<string, string> {
  return {
    "content-security-policy": contentSecurityPolicy(input),
    ...(input.secure ? { "strict-transport-security": `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains` } : {}),
  };
}

/** 128 random bits, base64: a fresh one per response. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
