/**
 * The changes domain's query keys, one hierarchy so that a prefix invalidates a family:
 * `all → lists() → list(filters)`, `all → details() → detail(id)`. Plain data, no React: other
 * domains' query modules import it to invalidate what their mutations touch here.
 */
export type TChangeListFilters = Record<string, string>;

export const changeKeys = {
  all: ["changes"] as const,
  lists: () => [...changeKeys.all, "list"] as const,
  list: (filters: TChangeListFilters) => [...changeKeys.lists(), filters] as const,
  details: () => [...changeKeys.all, "detail"] as const,
  detail: (id: string) => [...changeKeys.details(), id] as const,
  calendars: () => [...changeKeys.all, "calendar"] as const,
  calendar: (from: string, to: string) => [...changeKeys.calendars(), from, to] as const,
  pickableFlows: (surfaceIds: string[]) => [...changeKeys.all, "pickable-flows", surfaceIds] as const,
};
