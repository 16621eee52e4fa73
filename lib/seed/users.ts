import type { Role, Team } from "@/lib/db";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import type { TActorContext } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";

/** Demo accounts only: the one place a known password exists, and only for seeded demo data. */
export const DEMO_PASSWORD = "concord-demo-2026";

export type TDemoUser = { key: string; email: string; name: string; team: Team; roles: Role[]; title: string };

export const DEMO_USERS: TDemoUser[] = [
  {
    key: "netopsLead",
    email: "nadia.okafor@example.com",
    name: "Nadia Okafor",
    team: "NETOPS",
    roles: ["CONTRIBUTOR", "CAB_MEMBER"],
    title: "NetOps lead, CAB member",
  },
  { key: "netops2", email: "raj.patel@example.com", name: "Raj Patel", team: "NETOPS", roles: ["CONTRIBUTOR"], title: "Network engineer" },
  {
    key: "netops3",
    email: "lena.fischer@example.com",
    name: "Lena Fischer",
    team: "NETOPS",
    roles: ["CONTRIBUTOR"],
    title: "Network engineer",
  },
  {
    key: "secopsLead",
    email: "sam.rivera@example.com",
    name: "Sam Rivera",
    team: "SECOPS",
    roles: ["CONTRIBUTOR", "CAB_MEMBER"],
    title: "SecOps lead, CAB member",
  },
  {
    key: "secops2",
    email: "priya.shah@example.com",
    name: "Priya Shah",
    team: "SECOPS",
    roles: ["CONTRIBUTOR"],
    title: "Security engineer",
  },
  {
    key: "secops3",
    email: "tom.becker@example.com",
    name: "Tom Becker",
    team: "SECOPS",
    roles: ["CONTRIBUTOR"],
    title: "Security analyst",
  },
  { key: "viewer", email: "victor.lang@example.com", name: "Victor Lang", team: "NETOPS", roles: ["VIEWER"], title: "Read-only observer" },
  { key: "executive", email: "elena.marsh@example.com", name: "Elena Marsh", team: "LEADERSHIP", roles: ["EXECUTIVE"], title: "CIO" },
  { key: "admin", email: "alex.kim@example.com", name: "Alex Kim", team: "LEADERSHIP", roles: ["ADMIN"], title: "Platform administrator" },
];

/** Creates the demo accounts that do not exist yet; returns every demo user's id by key. */
export async function seedUsers(context: TActorContext): Promise<Record<string, string>> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ids: Record<string, string> = {};
  for (const demo of DEMO_USERS) {
    ids[demo.key] = await db.$transaction(async (tx) => {
      const existing = await tx.user.findUnique({ where: { email: demo.email }, select: { id: true } });
      if (existing) return existing.id;
      const user = await tx.user.create({
        data: { email: demo.email, name: demo.name, team: demo.team, roles: demo.roles, passwordHash },
      });
      await recordAudit(tx, context, {
        action: "user.create",
        entityType: "User",
        entityId: user.id,
        after: { email: user.email, name: user.name, team: user.team, roles: user.roles, status: user.status },
      });
      return user.id;
    });
  }
  return ids;
}

export function formatDemoAccounts(): string {
  const width = Math.max(...DEMO_USERS.map((user) => user.email.length));
  return [
    `Demo accounts (password for all: ${DEMO_PASSWORD}):`,
    ...DEMO_USERS.map((user) => `  ${user.email.padEnd(width)}  ${user.title}`),
  ].join("\n");
}
