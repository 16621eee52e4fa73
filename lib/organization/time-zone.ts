/** IANA zones the runtime knows, e.g. "Europe/Berlin" or "UTC". Pure: used by the schema and the formatters. */
export function isTimeZone(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Every zone the runtime lists (for the picker), UTC first. */
export function knownTimeZones(): string[] {
  const listed = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return ["UTC", ...listed.filter((zone) => zone !== "UTC")];
}

/**
 * "Mon 7 Dec 2026, 14:05 (Europe/Berlin, GMT+1)": a moment as people in the organization read it,
 * with the zone named so a reader elsewhere is not misled.
 */
export function formatInZone(iso: string, timeZone: string): string {
  const date = new Date(iso);
  const local = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(date);
  const offset =
    new Intl.DateTimeFormat("en-GB", { timeZone, timeZoneName: "shortOffset" })
      .formatToParts(date)
      .find((part) => part.type === "timeZoneName")?.value ?? "";
  return `${local} (${timeZone}${offset && offset !== timeZone ? `, ${offset}` : ""})`;
}

/** "14:05": a time of the same day, in the zone (the zone is named once, next to the date). */
export function formatTimeInZone(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(iso));
}
