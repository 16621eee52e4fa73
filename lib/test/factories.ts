import crypto from "node:crypto";
import { db, type Role, type Team } from "@/lib/db";
import { TEAM_LABELS } from "@/lib/ui/labels";
import type { TActor, TActorContext } from "@/lib/auth/actor";

/**
 * Test data with unique values, so integration tests never depend on each other's rows and can
 * share one database without cleaning it (the audit table refuses deletes anyway).
 */
export function uniqueSuffix(): string {
  return crypto.randomBytes(4).toString("hex");
}

export async function createTestUser(team: Team, roles: Role[], name?: string): Promise<TActor> {
  const suffix = uniqueSuffix();
  const user = await db.user.create({
    data: { email: `${team.toLowerCase()}-${suffix}@test.example`, name: name ?? `Test ${TEAM_LABELS[team]} ${suffix}`, team, roles },
  });
  return { id: user.id, email: user.email, name: user.name, team: user.team, roles: user.roles };
}

export function contextFor(actor: TActor | null): TActorContext {
  return { actor, requestId: `test-${uniqueSuffix()}` };
}
