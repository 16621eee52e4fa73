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

/**
 * Sums records in memory for one batch. The batch is flushed when it holds `maxRows` distinct keys,
 * so memory stays bounded whatever the file's size; rows repeated across batches are summed again
 * by the merge.
 */
export class BatchAggregator {
  private readonly rows = new Map<string, TAggregateRow>();
  private readonly endpoints = new Map<string, TEndpointDetails>();

  constructor(readonly maxRows: number) {}

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
    const day = this.dayOf(time);
    const port = record.destinationPort ?? NO_PORT;
    const key = `${source}\u0000${destination}\u0000${record.protocol}\u0000${port}\u0000${day}`;
    let row = this.rows.get(key);
    if (!row) {
      row = {
        sourceKey: source,
        destinationKey: destination,
        protocol: record.protocol,
        destinationPort: port,
        day,
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
    return drained;
  }

  private readonly days = new Map<number, string>();

  /** YYYY-MM-DD of a time, formatted once per day rather than once per line. */
  private dayOf(time: number): string {
    const number = Math.floor(time / DAY_MS);
    let day = this.days.get(number);
    if (day === undefined) {
      day = new Date(number * DAY_MS).toISOString().slice(0, 10);
      this.days.set(number, day);
    }
    return day;
  }

  private endpoint(endpoint: TObservedRecord["source"]): string {
    // Most lines name an address only (VPC, Zeek): its key needs no object of details.
    if (endpoint.address && !endpoint.namespace && !endpoint.hostname) {
      const key = `ip:${endpoint.address}`;
      if (!this.endpoints.has(key)) this.endpoints.set(key, endpointDetails(endpoint));
      return key;
    }
    const details = endpointDetails(endpoint);
    const known = this.endpoints.get(details.key);
    // Keep whatever any line said about the endpoint (a name on one line, an address on another).
    if (!known) this.endpoints.set(details.key, details);
    else {
      known.address ??= details.address;
      known.hostname ??= details.hostname;
    }
    return details.key;
  }
}
