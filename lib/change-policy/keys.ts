/**
 * Query keys of change policy: the rules that classify changes and the standard-change templates.
 * Plain data, no React, so that the changes domain can invalidate the template catalog (uses,
 * suspensions, suggestions) that its transitions touch.
 */
export const ruleKeys = {
  all: ["rules"] as const,
  lists: () => [...ruleKeys.all, "list"] as const,
  /** The rule board: active, proposed and retired revisions. */
  list: () => [...ruleKeys.lists(), "board"] as const,
  replays: () => [...ruleKeys.all, "replay"] as const,
  /** What recent changes would become without one rule: the preview before proposing its retirement. */
  replayWithout: (ruleId: string) => [...ruleKeys.replays(), "without", ruleId] as const,
};

export const templateKeys = {
  all: ["templates"] as const,
  lists: () => [...templateKeys.all, "list"] as const,
  /** The catalog with the kinds of change worth promoting. */
  list: () => [...templateKeys.lists(), "catalog"] as const,
};
