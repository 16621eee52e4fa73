/**
 * The CAB's query keys: meetings (`lists() → list()`, `details() → detail(id)`) and the signed-in
 * member's inbox of pending votes. Plain data, no React, so that the changes domain can invalidate
 * the inbox and agendas its votes and transitions touch.
 */
export const cabKeys = {
  all: ["cab"] as const,
  lists: () => [...cabKeys.all, "list"] as const,
  list: () => [...cabKeys.lists(), "meetings"] as const,
  details: () => [...cabKeys.all, "detail"] as const,
  detail: (id: string) => [...cabKeys.details(), id] as const,
  inbox: () => [...cabKeys.all, "inbox"] as const,
};
