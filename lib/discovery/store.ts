import "server-only";
import type { TTx } from "@/lib/db";
import { copyValue, type TBulkConnection } from "@/lib/db/bulk";
import type { TAggregateRow } from "./aggregate";
import type { TEndpointDetails } from "./endpoints";

/**
 * The SQL of discovery: staging by COPY, the one merge, the exact undo and the retention prune.
 * Observations are always the sum of the contributions of the imports still in force; the pair
 * totals are the sum of the observations over the days.
 */

const STAGING_COLUMNS = [
  "importId",
  "sourceKey",
  "destinationKey",
  "protocol",
  "destinationPort",
  "day",
  "connections",
  "bytes",
  "packets",
  "allowed",
  "denied",
  "dropReasons",
  "firstSeen",
  "lastSeen",
] as const;

const KEY = `"sourceKey", "destinationKey", "protocol", "destinationPort"`;
const COUNTS = `"connections", "bytes", "packets", "allowed", "denied", "dropReasons", "firstSeen", "lastSeen"`;
const SUMS = (alias: string) =>
  `sum(${alias}."connections"), sum(${alias}."bytes"), sum(${alias}."packets"), sum(${alias}."allowed"), sum(${alias}."denied"), ` +
  `discovery_sum_reasons(${alias}."dropReasons"), min(${alias}."firstSeen"), max(${alias}."lastSeen")`;
const ADD_ON_CONFLICT = (table: string) =>
  `"connections" = ${table}."connections" + excluded."connections", "bytes" = ${table}."bytes" + excluded."bytes", ` +
  `"packets" = ${table}."packets" + excluded."packets", "allowed" = ${table}."allowed" + excluded."allowed", ` +
  `"denied" = ${table}."denied" + excluded."denied", "dropReasons" = discovery_add_reasons(${table}."dropReasons", excluded."dropReasons"), ` +
  `"firstSeen" = least(${table}."firstSeen", excluded."firstSeen"), "lastSeen" = greatest(${table}."lastSeen", excluded."lastSeen")`;
const REPLACE_ON_CONFLICT =
  `"connections" = excluded."connections", "bytes" = excluded."bytes", "packets" = excluded."packets", "allowed" = excluded."allowed", ` +
  `"denied" = excluded."denied", "dropReasons" = excluded."dropReasons", "firstSeen" = excluded."firstSeen", "lastSeen" = excluded."lastSeen"`;

/** One batch of aggregated rows as COPY text. */
export function stagingText(importId: string, rows: readonly TAggregateRow[]): string {
  let text = "";
  for (const row of rows) {
    text +=
      `${importId}\t${copyValue(row.sourceKey)}\t${copyValue(row.destinationKey)}\t${row.protocol}\t${row.destinationPort}\t${row.day}\t` +
      `${row.connections}\t${row.bytes}\t${row.packets}\t${row.allowed}\t${row.denied}\t${copyValue(JSON.stringify(row.dropReasons))}\t` +
      `${new Date(row.firstSeen).toISOString()}\t${new Date(row.lastSeen).toISOString()}\n`;
  }
  return text;
}

export async function stageRows(bulk: TBulkConnection, importId: string, rows: readonly TAggregateRow[]): Promise<void> {
  if (rows.length === 0) return;
  await bulk.copyIn("DiscoveryStaging", STAGING_COLUMNS, stagingText(importId, rows));
}

/** What the logs said about endpoints; not part of any import's contribution, so written as it comes. */
export async function upsertEndpoints(
  bulk: TBulkConnection,
  surfaceId: string,
  endpoints: readonly TEndpointDetails[],
  seenAt: Date,
): Promise<void> {
  if (endpoints.length === 0) return;
  await bulk.query(
    `INSERT INTO "DiscoveryEndpoint" ("surfaceId", "key", "address", "hostname", "namespace", "labels", "lastSeen")
     SELECT $1::uuid, e.key, e.address, e.hostname, e.namespace, e.labels::jsonb, $7::timestamptz
     FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS e(key, address, hostname, namespace, labels)
     ON CONFLICT ("surfaceId", "key") DO UPDATE SET
       "address" = COALESCE(excluded."address", "DiscoveryEndpoint"."address"),
       "hostname" = COALESCE(excluded."hostname", "DiscoveryEndpoint"."hostname"),
       "namespace" = COALESCE(excluded."namespace", "DiscoveryEndpoint"."namespace"),
       "labels" = excluded."labels",
       "lastSeen" = greatest(excluded."lastSeen", "DiscoveryEndpoint"."lastSeen")`,
    [
      surfaceId,
      endpoints.map((endpoint) => endpoint.key),
      endpoints.map((endpoint) => endpoint.address),
      endpoints.map((endpoint) => endpoint.hostname),
      endpoints.map((endpoint) => endpoint.namespace),
      endpoints.map((endpoint) => JSON.stringify(endpoint.labels)),
      seenAt.toISOString(),
    ],
  );
}

export async function clearStaging(client: TTx | TBulkConnection, importId: string): Promise<void> {
  const sql = `DELETE FROM "DiscoveryStaging" WHERE "importId" = $1::uuid`;
  if ("copyIn" in client) await client.query(sql, [importId]);
  else await client.$executeRawUnsafe(sql, importId);
}

/**
 * The one merge: the staged rows, summed per key, become the import's contributions, are added to
 * the per-day observations and to the pair totals, in one statement. Returns the rows contributed.
 */
export async function mergeStaged(tx: TTx, importId: string, surfaceId: string): Promise<number> {
  const [result] = await tx.$queryRawUnsafe<Array<{ contributed: bigint }>>(
    `WITH contributed AS (
       INSERT INTO "DiscoveryContribution" ("importId", "surfaceId", ${KEY}, "day", ${COUNTS})
       SELECT s."importId", $2::uuid, s."sourceKey", s."destinationKey", s."protocol", s."destinationPort", s."day", ${SUMS("s")}
       FROM "DiscoveryStaging" s WHERE s."importId" = $1::uuid
       GROUP BY s."importId", s."sourceKey", s."destinationKey", s."protocol", s."destinationPort", s."day"
       RETURNING *
     ),
     observed AS (
       INSERT INTO "DiscoveryObservation" ("surfaceId", ${KEY}, "day", ${COUNTS})
       SELECT "surfaceId", ${KEY}, "day", ${COUNTS} FROM contributed
       ON CONFLICT ("surfaceId", ${KEY}, "day") DO UPDATE SET ${ADD_ON_CONFLICT(`"DiscoveryObservation"`)}
       RETURNING 1
     ),
     paired AS (
       INSERT INTO "DiscoveryPair" ("surfaceId", ${KEY}, ${COUNTS})
       SELECT c."surfaceId", c."sourceKey", c."destinationKey", c."protocol", c."destinationPort", ${SUMS("c")}
       FROM contributed c GROUP BY c."surfaceId", c."sourceKey", c."destinationKey", c."protocol", c."destinationPort"
       ON CONFLICT ("surfaceId", ${KEY}) DO UPDATE SET ${ADD_ON_CONFLICT(`"DiscoveryPair"`)}
       RETURNING 1
     )
     SELECT (SELECT count(*) FROM contributed) AS contributed, (SELECT count(*) FROM observed) AS observed, (SELECT count(*) FROM paired) AS paired`,
    importId,
    surfaceId,
  );
  await clearStaging(tx, importId);
  return Number(result?.contributed ?? 0);
}

/**
 * Recomputes the pair totals of `keys` (a query of surfaceId + key columns) from the observations
 * that remain, and drops the pairs that have none left.
 */
async function refreshPairs(tx: TTx, keys: string, params: unknown[]): Promise<void> {
  await tx.$executeRawUnsafe(
    `INSERT INTO "DiscoveryPair" ("surfaceId", ${KEY}, ${COUNTS})
     SELECT o."surfaceId", o."sourceKey", o."destinationKey", o."protocol", o."destinationPort", ${SUMS("o")}
     FROM "DiscoveryObservation" o
     WHERE (o."surfaceId", o."sourceKey", o."destinationKey", o."protocol", o."destinationPort") IN (${keys})
     GROUP BY o."surfaceId", o."sourceKey", o."destinationKey", o."protocol", o."destinationPort"
     ON CONFLICT ("surfaceId", ${KEY}) DO UPDATE SET ${REPLACE_ON_CONFLICT}`,
    ...params,
  );
  await tx.$executeRawUnsafe(
    `DELETE FROM "DiscoveryPair" p
     WHERE (p."surfaceId", p."sourceKey", p."destinationKey", p."protocol", p."destinationPort") IN (${keys})
       AND NOT EXISTS (
         SELECT 1 FROM "DiscoveryObservation" o
         WHERE o."surfaceId" = p."surfaceId" AND o."sourceKey" = p."sourceKey" AND o."destinationKey" = p."destinationKey"
           AND o."protocol" = p."protocol" AND o."destinationPort" = p."destinationPort")`,
    ...params,
  );
}

/**
 * Takes an import's contributions out: each observation it touched is recomputed from the other
 * imports' contributions (so first/last seen are exact too), then the pair totals.
 */
export async function subtractImport(tx: TTx, importId: string): Promise<void> {
  const touchedDays = `SELECT "surfaceId", ${KEY}, "day" FROM "DiscoveryContribution" WHERE "importId" = $1::uuid`;
  await tx.$executeRawUnsafe(
    `INSERT INTO "DiscoveryObservation" ("surfaceId", ${KEY}, "day", ${COUNTS})
     SELECT c."surfaceId", c."sourceKey", c."destinationKey", c."protocol", c."destinationPort", c."day", ${SUMS("c")}
     FROM "DiscoveryContribution" c
     WHERE c."importId" <> $1::uuid AND (c."surfaceId", c."sourceKey", c."destinationKey", c."protocol", c."destinationPort", c."day") IN (${touchedDays})
     GROUP BY c."surfaceId", c."sourceKey", c."destinationKey", c."protocol", c."destinationPort", c."day"
     ON CONFLICT ("surfaceId", ${KEY}, "day") DO UPDATE SET ${REPLACE_ON_CONFLICT}`,
    importId,
  );
  await tx.$executeRawUnsafe(
    `DELETE FROM "DiscoveryObservation" o
     USING "DiscoveryContribution" mine
     WHERE mine."importId" = $1::uuid AND o."surfaceId" = mine."surfaceId" AND o."sourceKey" = mine."sourceKey"
       AND o."destinationKey" = mine."destinationKey" AND o."protocol" = mine."protocol" AND o."destinationPort" = mine."destinationPort"
       AND o."day" = mine."day"
       AND NOT EXISTS (
         SELECT 1 FROM "DiscoveryContribution" other
         WHERE other."importId" <> $1::uuid AND other."surfaceId" = o."surfaceId" AND other."sourceKey" = o."sourceKey"
           AND other."destinationKey" = o."destinationKey" AND other."protocol" = o."protocol"
           AND other."destinationPort" = o."destinationPort" AND other."day" = o."day")`,
    importId,
  );
  await refreshPairs(tx, `SELECT DISTINCT "surfaceId", ${KEY} FROM "DiscoveryContribution" WHERE "importId" = $1::uuid`, [importId]);
  await tx.$executeRawUnsafe(`DELETE FROM "DiscoveryContribution" WHERE "importId" = $1::uuid`, importId);
}

export type TPruneResult = { observations: number; contributions: number; endpoints: number };

/** Drops every day before `cutoff` (a UTC date) and what only those days said. */
export async function pruneBefore(tx: TTx, cutoff: Date): Promise<TPruneResult> {
  const day = cutoff.toISOString().slice(0, 10);
  // The stored overlays of the surfaces losing days are dropped (the next view computes them again).
  await tx.$executeRawUnsafe(
    `UPDATE "DiscoveryOverlay" SET "observedVersion" = "observedVersion" + 1, "fingerprint" = NULL, "result" = NULL
     WHERE "surfaceId" IN (SELECT DISTINCT "surfaceId" FROM "DiscoveryObservation" WHERE "day" < $1::date)`,
    day,
  );
  const contributions = await tx.$executeRawUnsafe(`DELETE FROM "DiscoveryContribution" WHERE "day" < $1::date`, day);
  // The pairs touched are those with an old day: recomputed from the recent days only.
  const stalePairs = `SELECT DISTINCT "surfaceId", ${KEY} FROM "DiscoveryObservation" WHERE "day" < $1::date`;
  await tx.$executeRawUnsafe(
    `INSERT INTO "DiscoveryPair" ("surfaceId", ${KEY}, ${COUNTS})
     SELECT o."surfaceId", o."sourceKey", o."destinationKey", o."protocol", o."destinationPort", ${SUMS("o")}
     FROM "DiscoveryObservation" o
     WHERE o."day" >= $1::date AND (o."surfaceId", o."sourceKey", o."destinationKey", o."protocol", o."destinationPort") IN (${stalePairs})
     GROUP BY o."surfaceId", o."sourceKey", o."destinationKey", o."protocol", o."destinationPort"
     ON CONFLICT ("surfaceId", ${KEY}) DO UPDATE SET ${REPLACE_ON_CONFLICT}`,
    day,
  );
  await tx.$executeRawUnsafe(
    `DELETE FROM "DiscoveryPair" p
     WHERE (p."surfaceId", p."sourceKey", p."destinationKey", p."protocol", p."destinationPort") IN (${stalePairs})
       AND NOT EXISTS (
         SELECT 1 FROM "DiscoveryObservation" o
         WHERE o."day" >= $1::date AND o."surfaceId" = p."surfaceId" AND o."sourceKey" = p."sourceKey"
           AND o."destinationKey" = p."destinationKey" AND o."protocol" = p."protocol" AND o."destinationPort" = p."destinationPort")`,
    day,
  );
  const observations = await tx.$executeRawUnsafe(`DELETE FROM "DiscoveryObservation" WHERE "day" < $1::date`, day);
  const endpoints = await tx.$executeRawUnsafe(`DELETE FROM "DiscoveryEndpoint" WHERE "lastSeen" < $1::date`, day);
  return { observations, contributions, endpoints };
}
