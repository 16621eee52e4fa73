/**
 * The second-factor domain's query keys: `all → status()`, `all → policies()`.
 * Plain data, no React: other domains' query modules import it to invalidate what their mutations touch here.
 */
export const mfaKeys = {
  all: ["mfa"] as const,
  status: () => [...mfaKeys.all, "status"] as const,
  policies: () => [...mfaKeys.all, "policies"] as const,
};
