import ipaddr from "ipaddr.js";
import type { TObservedProtocol, TObservedVerdict } from "../records";

/**
 * Value readers shared by the format parsers. Each returns null for a value it cannot read, so a
 * parser can name the field in its reject reason instead of throwing.
 */

/** IANA numbers: 6 TCP, 17 UDP, 1 ICMP and 58 ICMPv6 (both drawn as ICMP); anything else OTHER. */
export function protocolOfIanaNumber(value: number): TObservedProtocol {
  if (value === 6) return "TCP";
  if (value === 17) return "UDP";
  if (value === 1 || value === 58) return "ICMP";
  return "OTHER";
}

/** A protocol given by name ("tcp", "UDP", "icmp6", "ICMPv4") or by IANA number. */
export function protocolOfText(text: string): TObservedProtocol | null {
  const value = text.trim().toLowerCase();
  if (value === "") return null;
  if (/^\d{1,3}$/.test(value)) {
    const number = Number(value);
    return number <= 255 ? protocolOfIanaNumber(number) : null;
  }
  if (value === "tcp" || value === "t") return "TCP";
  if (value === "udp" || value === "u") return "UDP";
  if (/^icmp(v?[46])?$/.test(value) || value === "ipv6-icmp") return "ICMP";
  return "OTHER";
}

/** Whether a text is one or more ASCII digits and nothing else (checked without a regular expression: hot path). */
export function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/**
 * A dotted quad's canonical text (leading zeros read as decimal), null for one with a part over
 * 255, undefined for anything that is not a dotted quad. One pass over the characters: flow logs
 * hold two addresses a line.
 */
function canonicalIpv4(value: string): string | null | undefined {
  let parts = 0;
  let digits = 0;
  let part = 0;
  let canonical = true;
  for (let index = 0; index <= value.length; index += 1) {
    const code = index < value.length ? value.charCodeAt(index) : 46;
    if (code === 46) {
      if (digits === 0 || parts === 4) return undefined;
      if (part > 255) return parts === 3 && index === value.length ? null : overflowOrUndefined(value);
      parts += 1;
      digits = 0;
      part = 0;
    } else if (code >= 48 && code <= 57) {
      if (digits === 3) return undefined;
      if (digits === 1 && part === 0) canonical = false;
      part = part * 10 + (code - 48);
      digits += 1;
    } else return undefined;
  }
  if (parts !== 4) return undefined;
  return canonical ? value : value.split(".").map(Number).join(".");
}

/** A part over 255 before the last: null if the rest is still shaped like a dotted quad, undefined otherwise. */
function overflowOrUndefined(value: string): null | undefined {
  return /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(value) ? null : undefined;
}

/** Flow logs name the same few thousand addresses over and over: remember their canonical text. */
const canonicalCache = new Map<string, string | null>();
const CANONICAL_CACHE_SIZE = 50_000;

/**
 * The canonical text of an IPv4 or IPv6 address (RFC 5952 for IPv6), or null. IPv4 must be a
 * dotted quad (leading zeros read as decimal); ipaddr's legacy forms ("10.1", "0x0a.0.0.1") are
 * refused, since logs never write them.
 */
export function canonicalAddress(text: string): string | null {
  const value = text.trim();
  const ipv4 = canonicalIpv4(value);
  if (ipv4 !== undefined) return ipv4;
  if (!value.includes(":")) return null;
  const cached = canonicalCache.get(value);
  if (cached !== undefined) return cached;
  const canonical = ipaddr.IPv6.isValid(value) ? ipaddr.IPv6.parse(value).toString() : null;
  if (canonicalCache.size >= CANONICAL_CACHE_SIZE) canonicalCache.clear();
  canonicalCache.set(value, canonical);
  return canonical;
}

/** A non-negative whole number (a count of bytes, packets or connections) written in decimal. */
export function countOf(value: unknown): number | null {
  if (typeof value === "number") return Number.isSafeInteger(value) && value >= 0 ? value : null;
  // The common case, plain digits, without a regular expression or a trim.
  if (typeof value === "string" && value.length <= 15 && isDigits(value)) return Number(value);
  if (typeof value !== "string" || !/^\d{1,16}$/.test(value.trim())) return null;
  const number = Number(value.trim());
  return Number.isSafeInteger(number) ? number : null;
}

/** A TCP/UDP port, 0–65535. */
export function portOf(value: unknown): number | null {
  const number = countOf(value);
  return number !== null && number <= 65535 ? number : null;
}

/** Seconds since the epoch (with or without a fraction) at or above this are read as milliseconds. */
const MILLISECONDS_FROM = 1e11;
/** Timestamps outside 1990–2200 are typos or wrong units, not flows. */
const EARLIEST = Date.UTC(1990, 0, 1);
const LATEST = Date.UTC(2200, 0, 1);

function plausible(date: Date): Date | null {
  const time = date.getTime();
  return Number.isFinite(time) && time >= EARLIEST && time < LATEST ? date : null;
}

/** Epoch seconds (a fraction allowed; values ≥ 1e11 are taken as epoch milliseconds). */
export function dateOfEpoch(value: unknown): Date | null {
  let number: number;
  if (typeof value === "number") number = value;
  else if (typeof value === "string" && value.length <= 16 && isDigits(value)) number = Number(value);
  else if (typeof value === "string" && /^\d{1,16}(\.\d+)?$/.test(value.trim())) number = Number(value.trim());
  else return null;
  if (!Number.isFinite(number) || number < 0) return null;
  return plausible(new Date(number >= MILLISECONDS_FROM ? number : number * 1000));
}

const ISO_8601 = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** An ISO 8601 date-time (no zone means UTC) or epoch seconds/milliseconds. */
export function dateOf(value: unknown): Date | null {
  if (typeof value === "number") return dateOfEpoch(value);
  if (typeof value !== "string") return null;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return dateOfEpoch(text);
  if (!ISO_8601.test(text)) return null;
  // Date.parse reads a zone-less date-time as local time; flow logs mean UTC.
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(text) && text.length > 10;
  const normalised = text.replace(" ", "T").replace(/(\.\d{3})\d+/, "$1");
  const zoned = hasZone || text.length === 10 ? normalised : `${normalised}Z`;
  return plausible(new Date(zoned));
}

/** Words firewalls, clouds and CNIs use for a verdict; anything else is UNKNOWN. */
const ALLOWED_WORDS = new Set([
  "allow",
  "allowed",
  "accept",
  "accepted",
  "permit",
  "permitted",
  "pass",
  "passed",
  "forward",
  "forwarded",
  "ok",
  "a",
]);
const DENIED_WORDS = new Set(["deny", "denied", "drop", "dropped", "reject", "rejected", "block", "blocked", "refuse", "refused", "d"]);

export function verdictOfWord(text: string): TObservedVerdict {
  const word = text.trim().toLowerCase();
  if (ALLOWED_WORDS.has(word)) return "ALLOWED";
  if (DENIED_WORDS.has(word)) return "DENIED";
  return "UNKNOWN";
}
