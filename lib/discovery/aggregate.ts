import { endpointDetails, type TEndpointDetails } from "./endpoints";
import type { TObservedRecord } from "./records";

/** Destination port stored for records without one (ICMP, logs that give none): part of the key, so never null. */
export const NO_PORT = -1;
const DAY_MS = 86_400_000;

/** One aggregated row: a (source, destination, protocol, port, day) and its counts. */
export type TAggregateRow = {
  sourceKey: string;
  destinationKey: string;
  protocol: string;
  destinationPort: number;
  /** YYYY-MM-DD (UTC). */
  day: string;
  connections: number;
  bytes: number;
  packets: number;
  allowed: number;
  denied: number;
  dropReasons: Record<string, number>;
  firstSeen: number;
  lastSeen: number;
};

const PROTOCOL_INDEX: Record<string, number> = { TCP: 0, UDP: 1, ICMP: 2, OTHER: 3 };
/** Endpoints and pairs of one batch are numbered below these, so a row's key is one safe integer. */
const ENDPOINT_LIMIT = 2 ** 20;
const PAIR_LIMIT = 2 ** 18;
/** Days since the epoch below this (the year 2328; parsers refuse times past 2200). */
const DAY_LIMIT = 2 ** 17;
const COMBINATIONS = DAY_LIMIT * 65_537 * 4;

/**
 * Sums records in memory for one batch. The batch is flushed when it holds `maxRows` distinct keys,
 * so memory stays bounded whatever the file's size; rows repeated across batches are summed again
 * by the merge. A row is found by a number (endpoint and pair numbers, protocol, port and day), not
 * by a string built per line: a million lines are a million look-ups.
 */
export class BatchAggregator {
  private readonly rows = new Map<number, TAggregateRow>();
  private readonly endpoints = new Map<string, TEndpointDetails>();
  /** Endpoint key (and, for address-only endpoints, the bare address) → number in this batch. */
  private readonly endpointNumbers = new Map<string, number>();
  private readonly endpointKeys: string[] = [];
  private readonly pairNumbers = new Map<number, number>();

  constructor(readonly maxRows: number) {
    if (!(maxRows >= 1 && maxRows <= PAIR_LIMIT)) throw new RangeError(`A batch holds 1 to ${PAIR_LIMIT} rows.`);
  }

  get size(): number {
    return this.rows.size;
  }

  get full(): boolean {
    return this.rows.size >= this.maxRows;
  }

  add(record: TObservedRecord): void {
    const source = this.endpoint(record.source);
    const destination = this.endpoint(record.destination);
    const time = record.start.getTime();
    const dayNumber = Math.floor(time / DAY_MS);
    const port = record.destinationPort ?? NO_PORT;
    const pairKey = source * ENDPOINT_LIMIT + destination;
    let pair = this.pairNumbers.get(pairKey);
    if (pair === undefined) {
      pair = this.pairNumbers.size;
      this.pairNumbers.set(pairKey, pair);
    }
    const key =
      dayNumber >= 0 && dayNumber < DAY_LIMIT
        ? pair * COMBINATIONS + (dayNumber * 65_537 + port + 1) * 4 + (PROTOCOL_INDEX[record.protocol] ?? 3)
        : Number.NaN;
    if (Number.isNaN(key))
      throw new RangeError(`A time outside the years 1970–2328 reached the aggregation: ${record.start.toISOString()}`);
    let row = this.rows.get(key);
    if (!row) {
      row = {
        sourceKey: this.endpointKeys[source]!,
        destinationKey: this.endpointKeys[destination]!,
        protocol: record.protocol,
        destinationPort: port,
        day: this.dayOf(dayNumber),
        connections: 0,
        bytes: 0,
        packets: 0,
        allowed: 0,
        denied: 0,
        dropReasons: {},
        firstSeen: time,
        lastSeen: time,
      };
      this.rows.set(key, row);
    }
    row.connections += record.connections;
    row.bytes += record.bytes;
    row.packets += record.packets;
    if (record.verdict === "ALLOWED") row.allowed += record.connections;
    if (record.verdict === "DENIED") {
      row.denied += record.connections;
      const reason = record.dropReason || "unspecified";
      row.dropReasons[reason] = (row.dropReasons[reason] ?? 0) + record.connections;
    }
    if (time < row.firstSeen) row.firstSeen = time;
    if (time > row.lastSeen) row.lastSeen = time;
  }

  /** Hands over what the batch holds and starts an empty one. */
  drain(): { rows: TAggregateRow[]; endpoints: TEndpointDetails[] } {
    const drained = { rows: [...this.rows.values()], endpoints: [...this.endpoints.values()] };
    this.rows.clear();
    this.endpoints.clear();
    this.endpointNumbers.clear();
    this.endpointKeys.length = 0;
    this.pairNumbers.clear();
    return drained;
  }

  private readonly days = new Map<number, string>();

  /** YYYY-MM-DD of a day number, formatted once per day rather than once per line. */
  private dayOf(number: number): string {
    let day = this.days.get(number);
    if (day === undefined) {
      day = new Date(number * DAY_MS).toISOString().slice(0, 10);
      this.days.set(number, day);
    }
    return day;
  }

  private numbered(key: string): number {
    let number = this.endpointNumbers.get(key);
    if (number === undefined) {
      number = this.endpointKeys.length;
      if (number >= ENDPOINT_LIMIT) throw new RangeError("Too many endpoints in one batch.");
      this.endpointKeys.push(key);
      this.endpointNumbers.set(key, number);
    }
    return number;
  }

  private endpoint(endpoint: TObservedRecord["source"]): number {
    // Most lines name an address only (VPC, Zeek): found by the address itself, no key built per line.
    if (endpoint.address && !endpoint.namespace && !endpoint.hostname) {
      const known = this.endpointNumbers.get(endpoint.address);
      if (known !== undefined) return known;
      const details = endpointDetails(endpoint);
      const number = this.numbered(details.key);
      this.endpointNumbers.set(endpoint.address, number);
      if (!this.endpoints.has(details.key)) this.endpoints.set(details.key, details);
      return number;
    }
    const details = endpointDetails(endpoint);
    const known = this.endpoints.get(details.key);
    // Keep whatever any line said about the endpoint (a name on one line, an address on another).
    if (!known) this.endpoints.set(details.key, details);
    else {
      known.address ??= details.address;
      known.hostname ??= details.hostname;
    }
    return this.numbered(details.key);
  }
}
