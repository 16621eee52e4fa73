/**
 * The maturity domain's query keys: `all → assessments()`, `assessment(id)`.
 * Plain data, no React: other domains' query modules import it to invalidate what their mutations touch here.
 */
export const maturityKeys = {
  all: ["maturity"] as const,
  assessments: () => [...maturityKeys.all, "assessments"] as const,
  assessment: (id: string) => [...maturityKeys.all, "assessment", id] as const,
};
