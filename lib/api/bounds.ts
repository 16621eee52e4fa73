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
    .refine((value) => BigInt(value) <= INT64_MAX, message);
