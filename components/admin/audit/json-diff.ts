/** One top-level key of an audited record, with whether it differs between before and after. */
export type TKeyDiff = { key: string; before: unknown; after: unknown; inBefore: boolean; inAfter: boolean; changed: boolean };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Order-insensitive for object keys, so `{a,b}` and `{b,a}` compare equal, as the hash chain does. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (isRecord(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableJson(value[key])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * Compares the before and after of an audit event key by key, in alphabetical order (the database
 * does not keep the order keys were written in). A side that is not an object (null for a
 * creation, say) has no keys.
 */
export function diffTopLevelKeys(before: unknown, after: unknown): TKeyDiff[] {
  const left = isRecord(before) ? before : {};
  const right = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort();
  return keys.map((key) => {
    const inBefore = key in left;
    const inAfter = key in right;
    return {
      key,
      before: left[key],
      after: right[key],
      inBefore,
      inAfter,
      changed: inBefore !== inAfter || stableJson(left[key]) !== stableJson(right[key]),
    };
  });
}
