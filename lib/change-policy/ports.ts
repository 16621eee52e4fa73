import type { Protocol } from "@/lib/db/generated/enums.ts";

type TRange = readonly [number, number];

/** "443", "80,443" or "8000-8100"; empty means every port (ICMP has none). Invalid parts are null. */
export function parsePorts(ports: string): TRange[] | null {
  if (ports.trim() === "") return [[0, 65535]];
  const ranges: TRange[] = [];
  for (const part of ports.split(",").map((piece) => piece.trim())) {
    const match = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(part);
    if (!match) return null;
    const low = Number(match[1]);
    const high = Number(match[2] ?? match[1]);
    if (low > high || high > 65535) return null;
    ranges.push([low, high]);
  }
  return ranges;
}

export function isValidPorts(ports: string): boolean {
  return parsePorts(ports) !== null;
}

function covered(range: TRange, by: TRange[]): boolean {
  // Walk the range forward through the covering ranges; any gap means it is not covered.
  let next = range[0];
  const sorted = [...by].sort((a, b) => a[0] - b[0]);
  for (const [low, high] of sorted) {
    if (low > next) break;
    if (high >= next) next = high + 1;
    if (next > range[1]) return true;
  }
  return next > range[1];
}

/** True when every port the inner spec opens is already open in the outer spec. */
export function portsWithin(inner: string, outer: string): boolean {
  const innerRanges = parsePorts(inner);
  const outerRanges = parsePorts(outer);
  if (!innerRanges || !outerRanges) return false;
  return innerRanges.every((range) => covered(range, outerRanges));
}

/** True when traffic of protocol `inner` is a subset of protocol `outer`. */
export function protocolWithin(inner: Protocol, outer: Protocol): boolean {
  return outer === "ANY" || inner === outer;
}
