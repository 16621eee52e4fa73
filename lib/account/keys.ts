/**
 * The account domain's query keys: `all → sessions()`.
 * Plain data, no React: other domains' query modules import it to invalidate what their mutations touch here.
 */
export const accountKeys = {
  all: ["account"] as const,
  sessions: () => [...accountKeys.all, "sessions"] as const,
};
