export type TTrendPoint = { day: string; value: number };

/**
 * Thins a daily series to one point per ISO week (the week's last), keeping sparklines light while
 * the full daily history stays in the database. Input in any order; output sorted by day.
 */
export function weeklyTrend(points: TTrendPoint[]): TTrendPoint[] {
  const sorted = [...points].sort((a, b) => a.day.localeCompare(b.day));
  const byWeek = new Map<number, TTrendPoint>();
  for (const point of sorted) {
    const weekIndex = Math.floor((Date.parse(`${point.day}T00:00:00Z`) / 86_400_000 + 3) / 7);
    byWeek.set(weekIndex, point);
  }
  return [...byWeek.values()];
}

/** Appends today's live value unless a snapshot for today is already the last point. */
export function withLiveValue(points: TTrendPoint[], today: string, value: number | null): TTrendPoint[] {
  if (value === null || points.at(-1)?.day === today) return points;
  return [...points, { day: today, value }];
}
