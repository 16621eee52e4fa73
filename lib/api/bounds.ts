import { z } from "zod";

/** The largest value of a Postgres `integer` column (Prisma `Int`): a larger one makes the query fail. */
export const INT32_MAX = 2_147_483_647;
/** The largest value of a Postgres `bigint` column (Prisma `BigInt`). */
export const INT64_MAX = 9_223_372_036_854_775_807n;

/** A version, position or count stored in an `integer` column. */
export const zInt32 = (message = "must be a whole number") => z.number(message).int(message).max(INT32_MAX, `must be at most ${INT32_MAX}`);

/** The same, read from a query string. */
export const zQueryInt32 = (message = "must be a whole number") =>
  z.coerce.number(message).int(message).max(INT32_MAX, `must be at most ${INT32_MAX}`);

/** The decimal id of a `bigint` row (audit events, map events), as a string. */
export const zBigIntId = (message = "must be an event id") =>
  z
    .string()
    .regex(/^\d{1,19}$/, message)
    // Zod runs this even after the regex failed: test the shape again before BigInt() can throw.
    .refine((value) => /^\d{1,19}$/.test(value) && BigInt(value) <= INT64_MAX, message);

/**
 * Where a NUL character hides in a value read from a request, if anywhere: Postgres cannot store
 * one in text, so it must be refused as input rather than fail as a query.
 */
export function findNulCharacter(value: unknown, path: string): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findNulCharacter(item, `${path}.${index}`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const found = findNulCharacter(key, `${path}.${key}`) ?? findNulCharacter(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

/** Earliest and latest instants a request may name: Postgres refuses year 0, and nothing Concord stores predates 1900. */
const EARLIEST_INSTANT = Date.UTC(1900, 0, 1);
const LATEST_INSTANT = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const withinInstantRange = (value: string) => {
  const time = new Date(value).getTime();
  return Number.isFinite(time) && time >= EARLIEST_INSTANT && time <= LATEST_INSTANT;
};

/** An ISO 8601 date-time with an offset, between the years 1900 and 9999. */
export const zIsoDateTime = (message = "must be an ISO 8601 date-time") =>
  z.iso.datetime({ offset: true, message }).refine(withinInstantRange, "must be between the years 1900 and 9999");

/** An ISO 8601 date-time or a calendar date (a day), in the same range. */
export const zIsoDateTimeOrDate = (message = "must be an ISO 8601 date or date-time") =>
  z
    .union([z.iso.datetime({ offset: true }), z.iso.date()], { message })
    .refine(withinInstantRange, "must be between the years 1900 and 9999");
