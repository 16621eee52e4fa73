export { db, getDatabase, closeDatabase } from "./client";
export type { TDatabase } from "./client";
export { Prisma } from "./generated/client.ts";
export type { PrismaClient } from "./generated/client.ts";
export * from "./generated/enums.ts";

import type { Prisma } from "./generated/client.ts";
/** The client handed to a service inside `db.$transaction`. */
export type TTx = Prisma.TransactionClient;
