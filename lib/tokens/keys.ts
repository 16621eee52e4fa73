/**
 * The API tokens domain's query keys: `all → list(filters)`, `all → serviceAccounts()`.
 * Plain data, no React: other domains' query modules import it to invalidate what their mutations touch here.
 */
export const tokenKeys = {
  all: ["tokens"] as const,
  list: (filters: { includeRevoked: boolean }) => [...tokenKeys.all, "list", filters] as const,
  serviceAccounts: () => [...tokenKeys.all, "service-accounts"] as const,
};
