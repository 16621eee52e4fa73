import type { TMapEdge, TMapNode } from "./schemas";

/**
 * The one list of a map element's stored fields (all but `id` and `version`), with the Postgres type
 * each is written as. The SQL of bulk updates, the mappers, undo and paste all derive their field
 * lists from these, and `satisfies` makes a field added to the schema fail to compile until it is
 * listed here. `enum` names the Postgres enum a text value is cast to.
 */
export type TColumn = { type: string; enum?: string };

export type TNodeData = Omit<TMapNode, "id" | "version">;
export type TEdgeData = Omit<TMapEdge, "id" | "version">;

export const NODE_COLUMNS = {
  kind: { type: "text", enum: "NodeKind" },
  label: { type: "text" },
  identity: { type: "text" },
  labels: { type: "jsonb" },
  addresses: { type: "text[]" },
  zoneId: { type: "uuid" },
  environment: { type: "text" },
  notes: { type: "text" },
  daasElementId: { type: "uuid" },
  x: { type: "double precision" },
  y: { type: "double precision" },
  width: { type: "double precision" },
  height: { type: "double precision" },
} as const satisfies Record<keyof TNodeData, TColumn>;

export const EDGE_COLUMNS = {
  sourceId: { type: "uuid" },
  targetId: { type: "uuid" },
  protocol: { type: "text", enum: "Protocol" },
  ports: { type: "text" },
  appProtocol: { type: "text" },
  principal: { type: "text" },
  httpMethod: { type: "text" },
  httpPath: { type: "text" },
  encryption: { type: "text", enum: "Encryption" },
  authentication: { type: "text", enum: "FlowAuthentication" },
  status: { type: "text", enum: "FlowStatus" },
  justification: { type: "text" },
  ownerId: { type: "uuid" },
  statementId: { type: "uuid" },
  connections: { type: "bigint" },
  bytes: { type: "bigint" },
  firstSeen: { type: "timestamp(3)" },
  lastSeen: { type: "timestamp(3)" },
} as const satisfies Record<keyof TEdgeData, TColumn>;

export const NODE_FIELDS = Object.keys(NODE_COLUMNS) as Array<keyof TNodeData>;
export const EDGE_FIELDS = Object.keys(EDGE_COLUMNS) as Array<keyof TEdgeData>;

export function pickFields<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, value[key]])) as Pick<T, K>;
}

/** True when A and B have exactly the same keys; with `TAssert`, a compile-time check that two field lists agree. */
export type TSameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : false;
export type TAssert<T extends true> = T;
