/**
 * The users domain's query keys: `all → list(filters)`.
 * Plain data, no React: other domains' query modules import it to invalidate what their mutations touch here.
 */
import type { TUserListQuery } from "./schemas";

export const userKeys = {
  all: ["users"] as const,
  list: (filters: TUserListQuery) => [...userKeys.all, "list", filters] as const,
};
