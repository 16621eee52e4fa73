/** The geometry of a sparkline in a 100 × 40 box (4 units of margin top and bottom): pure, so it is tested. */
export function sparklinePath(values: number[], target: number | null): { line: string; targetY: number | null } {
  const low = Math.min(...values, target ?? Number.POSITIVE_INFINITY);
  const high = Math.max(...values, target ?? Number.NEGATIVE_INFINITY);
  const span = high === low ? 1 : high - low;
  const y = (value: number) => Math.round((36 - ((value - low) / span) * 32) * 100) / 100;
  const x = (index: number) => (values.length === 1 ? 50 : Math.round((index / (values.length - 1)) * 10000) / 100);
  const line = values.map((value, index) => `${index === 0 ? "M" : "L"}${x(index)} ${y(value)}`).join(" ");
  return { line, targetY: target === null ? null : y(target) };
}
