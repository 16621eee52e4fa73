/**
 * Port expressions of a flow: a single port ("443"), a list ("80,443") or ranges ("8000-8100"),
 * mixed freely ("80,443,8000-8100"). Every port is 1–65535 and a range runs low to high.
 */
export type TPortRange = { from: number; to: number };

export type TPortParse = { ok: true; ranges: TPortRange[] } | { ok: false; message: string };

const MAX_PORT = 65_535;

function parsePort(text: string): number | null {
  if (!/^\d{1,5}$/.test(text)) return null;
  const port = Number(text);
  return port >= 1 && port <= MAX_PORT ? port : null;
}

export function parsePorts(expression: string): TPortParse {
  const trimmed = expression.trim();
  if (trimmed === "") return { ok: false, message: "needs at least one port" };
  const ranges: TPortRange[] = [];
  for (const rawPart of trimmed.split(",")) {
    const part = rawPart.trim();
    if (part === "") return { ok: false, message: "has an empty item between commas" };
    const bounds = part.split("-").map((bound) => bound.trim());
    if (bounds.length > 2) return { ok: false, message: `"${part}" is not a port or a range` };
    const from = parsePort(bounds[0]!);
    const to = bounds.length === 2 ? parsePort(bounds[1]!) : from;
    if (from === null || to === null) return { ok: false, message: `"${part}" must use ports from 1 to 65535` };
    if (from > to) return { ok: false, message: `"${part}" must run from the lower port to the higher` };
    ranges.push({ from, to });
  }
  return { ok: true, ranges };
}

/** The canonical spelling: spaces removed, items sorted, duplicates and overlaps merged. */
export function normalizePorts(expression: string): string {
  const parsed = parsePorts(expression);
  if (!parsed.ok) return expression.trim();
  const sorted = [...parsed.ranges].sort((a, b) => a.from - b.from);
  const merged: TPortRange[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range.from <= last.to + 1) last.to = Math.max(last.to, range.to);
    else merged.push({ ...range });
  }
  return merged.map((range) => (range.from === range.to ? String(range.from) : `${range.from}-${range.to}`)).join(",");
}

/** How many ports an expression opens: how wide a flow is, for the eye and for change rules. */
export function countPorts(expression: string): number {
  const parsed = parsePorts(normalizePorts(expression));
  return parsed.ok ? parsed.ranges.reduce((sum, range) => sum + range.to - range.from + 1, 0) : 0;
}
