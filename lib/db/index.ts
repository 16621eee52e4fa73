import "server-only";
import { db } from "./client";
import type { Prisma } from "./generated/client.ts";

export { db, getDatabase, closeDatabase } from "./client";
export type { TDatabase } from "./client";
export { Prisma } from "./generated/client.ts";
export type { PrismaClient } from "./generated/client.ts";
export * from "./generated/enums.ts";

/** The client handed to a service inside `db.$transaction`. */
export type TTx = Prisma.TransactionClient;

type TRead = () => PromiseLike<unknown>;

/**
 * Runs independent reads: side by side on the pool, one after another on a transaction, whose one
 * connection must not be handed a query while another is running (pg deprecates it; pg 9 refuses).
 */
export async function readAll<const T extends readonly TRead[]>(
  client: TTx,
  reads: T,
): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  if (client === db) return (await Promise.all(reads.map((read) => read()))) as never;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as never;
}
