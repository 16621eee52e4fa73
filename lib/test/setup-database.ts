import { afterAll, beforeAll } from "vitest";
import { closeDatabase, getDatabase } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations";

// The in-memory PGlite of this test file starts empty: give it the schema.
beforeAll(async () => {
  const { opened } = getDatabase();
  if (opened.target.kind === "pglite") await applyMigrations(opened.factory);
});

afterAll(async () => {
  await closeDatabase();
});
