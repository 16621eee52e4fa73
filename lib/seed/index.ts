import { db } from "@/lib/db";
import { systemContext } from "@/lib/auth/actor";
import type { TSeedContext } from "./context";
import { seedUsers, DEMO_USERS } from "./users";
import { seedSurfaces } from "./surfaces";
import { seedMaps } from "./maps";
import { seedChanges } from "./changes";
import { seedMetrics } from "./metrics";

/**
 * Each domain adds its own seeder here. Every seeder is idempotent: it creates what is missing and
 * leaves what exists alone, so `npm run db:seed` can run any number of times.
 */
const SEEDERS: Array<{ name: string; run: (seed: TSeedContext) => Promise<void> }> = [
  { name: "surfaces", run: seedSurfaces },
  { name: "maps", run: seedMaps },
  { name: "changes", run: seedChanges },
  // Last: its snapshot history ends at the indicators computed from every other domain's data.
  { name: "metrics", run: seedMetrics },
];

export async function seedDemo(): Promise<void> {
  const context = systemContext("seed");
  const users = await seedUsers(context);
  for (const seeder of SEEDERS) await seeder.run({ users });
}

export async function hasDemoUsers(): Promise<boolean> {
  return (await db.user.count({ where: { email: { in: DEMO_USERS.map((user) => user.email) } } })) > 0;
}
