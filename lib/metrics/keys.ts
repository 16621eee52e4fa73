/**
 * The external KPIs' query keys (the metrics domain): `all`.
 * Plain data, no React: other domains' query modules import it to invalidate what their mutations touch here.
 */
export const kpiKeys = { all: ["kpis"] as const };
