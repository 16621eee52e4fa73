import "server-only";
import { LRUCache } from "lru-cache";
import type { TMapEdge, TMapNode } from "./model/schemas";

/** A map's elements at one map version, zones before their members. Shared between readers: never mutate. */
export type TMapSnapshot = { readonly nodes: readonly TMapNode[]; readonly edges: readonly TMapEdge[] };

/**
 * Maps as they were at a given version. Every map edit bumps the map version in the same transaction
 * as the elements, so an entry can never go stale, and each app instance may keep its own without
 * any invalidation between instances. A workshop room opening one map reads it from the database
 * once; the history panel's earlier versions are kept the same way.
 */
const snapshots = new LRUCache<string, TMapSnapshot>({
  // Counted in elements: a 1,000-node / 2,000-edge map is 3,000, so this holds a few dozen large maps.
  maxSize: 100_000,
  sizeCalculation: (snapshot) => Math.max(1, snapshot.nodes.length + snapshot.edges.length),
});

/**
 * Which snapshot: the map and its version, and when the surface itself last changed. Removing a DAAS
 * element from the surface clears the node's link to it in the database (ON DELETE SET NULL) without
 * a map edit, so the surface's own time stamp is part of the key.
 */
export type TSnapshotKey = { mapId: string; version: number; surfaceUpdatedAt: Date };

const keyOf = (key: TSnapshotKey) => `${key.mapId}@${key.version}@${key.surfaceUpdatedAt.getTime()}`;

export function cachedSnapshot(key: TSnapshotKey): TMapSnapshot | undefined {
  return snapshots.get(keyOf(key));
}

export function rememberSnapshot(key: TSnapshotKey, snapshot: TMapSnapshot): void {
  snapshots.set(keyOf(key), snapshot);
}

const reading = new Map<string, Promise<unknown>>();

/**
 * Runs `load` once for everyone who asks for the same snapshot while it is being read: when a
 * workshop edit moves the version on, every open browser asks for the new map within milliseconds.
 */
export function readOnce<T>(key: TSnapshotKey, load: () => Promise<T>): Promise<T> {
  const id = keyOf(key);
  const pending = reading.get(id) as Promise<T> | undefined;
  if (pending) return pending;
  const started = load().finally(() => reading.delete(id));
  reading.set(id, started);
  return started;
}

/** For tests and benchmarks that measure the uncached read. */
export function forgetSnapshots(): void {
  snapshots.clear();
}

/** The JSON text of element lists already sent: a version's 1 MiB of elements is encoded once, not per reader. */
const encoded = new WeakMap<readonly unknown[], string>();

function encodeList(list: readonly unknown[]): string {
  let json = encoded.get(list);
  if (json === undefined) {
    json = JSON.stringify(list);
    encoded.set(list, json);
  }
  return json;
}

/** A map response as JSON text; the element lists of a cached snapshot are reused as they were encoded. */
export function mapJson<TMap extends { nodes: readonly unknown[]; edges: readonly unknown[] }>(map: TMap): string {
  const { nodes, edges, ...rest } = map;
  const head = JSON.stringify(rest);
  return `${head.slice(0, -1)}${head === "{}" ? "" : ","}"nodes":${encodeList(nodes)},"edges":${encodeList(edges)}}`;
}
