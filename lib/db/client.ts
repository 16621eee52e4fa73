import "server-only";
import { PrismaClient } from "./generated/client.ts";
import { getEnv } from "@/lib/env";
import { databaseTarget, openDatabase, type TOpenedDatabase } from "./adapter";

export type TDatabase = { prisma: PrismaClient; opened: TOpenedDatabase };

const globalForDb = globalThis as unknown as { concordDatabase?: TDatabase };

/** The process's one database connection (pool or embedded instance) and Prisma client. */
export function getDatabase(): TDatabase {
  if (!globalForDb.concordDatabase) {
    const env = getEnv();
    const opened = openDatabase(databaseTarget(env.DATABASE_URL, env.dataDir), {
      connectMs: env.DATABASE_CONNECT_TIMEOUT_MS,
      statementMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
    });
    globalForDb.concordDatabase = { opened, prisma: new PrismaClient({ adapter: opened.factory }) };
  }
  return globalForDb.concordDatabase;
}

/** The Prisma client, created on first use so that importing a service opens nothing. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const prisma = getDatabase().prisma;
    const value = Reflect.get(prisma, property, prisma);
    return typeof value === "function" ? value.bind(prisma) : value;
  },
});

export async function closeDatabase(): Promise<void> {
  const current = globalForDb.concordDatabase;
  if (!current) return;
  globalForDb.concordDatabase = undefined;
  await current.prisma.$disconnect();
  await current.opened.close();
}
