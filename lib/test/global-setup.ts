import { databaseTarget, openDatabase } from "@/lib/db/adapter";
import { applyMigrations } from "@/lib/db/migrations";

/** With a real Postgres, migrate it once before any test file runs. */
export default async function setup() {
  if (!process.env.DATABASE_URL) return;
  const database = openDatabase(databaseTarget(process.env.DATABASE_URL, ".data"));
  try {
    await applyMigrations(database.factory);
  } finally {
    await database.close();
  }
}
