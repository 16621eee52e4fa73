import path from "node:path";
import { createMigration } from "@/lib/db/migrations";

const name = process.argv.slice(2).join(" ");
const folder = await createMigration(name);
console.log(
  folder ? `Created ${path.relative(process.cwd(), folder)}/migration.sql` : "The schema matches the migrations: nothing to create.",
);
