import crypto from "node:crypto";
import { encode } from "next-auth/jwt";
import { getEnv } from "@/lib/env";
import { db, type Role, type Team } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { systemContext, type TActor, type TActorContext } from "@/lib/auth/actor";
import { startSession } from "@/lib/auth/sessions";
import { createUser } from "@/lib/users/service";
import { createSurface, signOffSurface, submitSurface } from "@/lib/surfaces/service";
import { ZCreateSurface } from "@/lib/surfaces/schemas";
import { applyMapOperations } from "@/lib/maps/service";
import { createObjective } from "@/lib/objectives/service";
import type { TEdgeCreateInput, TMapOperationInput, TNodeCreateInput } from "@/lib/maps/model/schemas";

/**
 * Test-only seeding for the end-to-end fixtures: fresh people, sessions and surfaces made through the
 * same services the app uses, written straight to the server's database (so it needs DATABASE_URL).
 */

/** Every fresh person's password: long enough for the policy, and what step-up asks them for. */
export const FIXTURE_PASSWORD = "e2e-fixture-password-2026";

export type TPersonSpec = { team: Exclude<Team, "NONE">; roles: Role[]; name?: string };
export type TPerson = TActor;

/** The people the specs ask for most. */
export const AS = {
  netops: { team: "NETOPS", roles: ["CONTRIBUTOR"] },
  secops: { team: "SECOPS", roles: ["CONTRIBUTOR"] },
  netopsCab: { team: "NETOPS", roles: ["CONTRIBUTOR", "CAB_MEMBER"] },
  secopsCab: { team: "SECOPS", roles: ["CONTRIBUTOR", "CAB_MEMBER"] },
  viewer: { team: "NETOPS", roles: ["VIEWER"] },
  executive: { team: "LEADERSHIP", roles: ["EXECUTIVE"] },
  admin: { team: "LEADERSHIP", roles: ["ADMIN"] },
} as const satisfies Record<string, TPersonSpec>;

function assertSharedDatabase(): void {
  if (!getEnv().DATABASE_URL) {
    throw new Error("The e2e fixtures write to the server's database: run Playwright with DATABASE_URL set to a Postgres database.");
  }
}

const suffix = () => crypto.randomBytes(4).toString("hex");
const contextOf = (actor: TActor): TActorContext => ({ actor, requestId: `e2e-${suffix()}` });

let fixtureAdmin: Promise<TActor> | undefined;

/**
 * The administrator who creates the fixtures' people, once per worker. Like the seed's first
 * accounts, it is written directly: creating a user through the service needs an admin already.
 */
function administrator(): Promise<TActor> {
  fixtureAdmin ??= db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email: `fixture-admin-${suffix()}@e2e.example`, name: "E2E fixture admin", team: "LEADERSHIP", roles: ["ADMIN"] },
    });
    await recordAudit(tx, systemContext("e2e-fixtures"), {
      action: "user.create",
      entityType: "User",
      entityId: user.id,
      after: { email: user.email, team: user.team, roles: user.roles },
    });
    return { id: user.id, email: user.email, name: user.name, team: user.team, roles: user.roles };
  });
  return fixtureAdmin;
}

const TEAM_NAMES: Record<TPersonSpec["team"], string> = { NETOPS: "Netops", SECOPS: "Secops", LEADERSHIP: "Leader" };

/** A fresh person with a unique name and email (the name reads in the UI: "Secops Person 1a2b3c4d"). */
export async function createPerson(spec: TPersonSpec): Promise<TPerson> {
  assertSharedDatabase();
  const id = suffix();
  const name = spec.name ?? `${TEAM_NAMES[spec.team]} Person ${id}`;
  const { user } = await createUser(contextOf(await administrator()), {
    email: `${spec.team.toLowerCase()}-${id}@e2e.example`,
    name,
    team: spec.team,
    roles: spec.roles,
    password: FIXTURE_PASSWORD,
  });
  return { id: user.id, email: user.email, name: user.name, team: spec.team, roles: user.roles };
}

/**
 * A session as a password sign-in opens it (so step-up is fresh and the MFA policy applies), and the
 * cookie next-auth would set for it: a JWT that carries only the session's id.
 */
export async function sessionCookieFor(person: TPerson, userAgent?: string): Promise<{ name: string; value: string; sessionId: string }> {
  const env = getEnv();
  const sessionId = await startSession(person, { method: "password", userAgent, ip: "127.0.0.1" });
  const value = await encode({ token: { sub: person.id, sid: sessionId }, secret: env.authSecret, maxAge: env.SESSION_MAX_HOURS * 3600 });
  return { name: env.secureCookies ? "__Secure-next-auth.session-token" : "next-auth.session-token", value, sessionId };
}

export type TMapNodeSpec = Omit<TNodeCreateInput, "id" | "zoneId" | "daasElementId"> & { key: string; zone?: string; element?: string };
export type TMapFlowSpec = Omit<TEdgeCreateInput, "sourceId" | "targetId" | "status"> & { from: string; to: string };
export type TSurfaceSpec = {
  name?: string;
  netopsOwner?: TPerson;
  secopsOwner?: TPerson;
  elements?: Array<{
    type: "DATA" | "APPLICATION" | "ASSET" | "SERVICE";
    name: string;
    classification: "PUBLIC" | "INTERNAL" | "CONFIDENTIAL" | "RESTRICTED";
  }>;
  nodes?: TMapNodeSpec[];
  /** Drawn PROPOSED; `agreed` makes them APPROVED through both owners' sign-off, as a person would. */
  flows?: TMapFlowSpec[];
  agreed?: boolean;
};

/** A records system: a zone holding a portal and a restricted store, with staff outside it. */
export const RECORDS_MAP: Required<Pick<TSurfaceSpec, "elements" | "nodes" | "flows">> = {
  elements: [
    { type: "APPLICATION", name: "Records portal", classification: "CONFIDENTIAL" },
    { type: "DATA", name: "Records store", classification: "RESTRICTED" },
  ],
  nodes: [
    { key: "zone", kind: "ZONE", label: "Records zone", x: 300, y: -20, width: 560, height: 400 },
    { key: "staff", kind: "USER_GROUP", label: "Records staff", x: 0, y: 80 },
    { key: "portal", kind: "WORKLOAD", label: "Records portal", zone: "zone", element: "Records portal", x: 40, y: 70 },
    { key: "store", kind: "DATASTORE", label: "Records store", zone: "zone", element: "Records store", x: 320, y: 70 },
    { key: "export", kind: "WORKLOAD", label: "Legacy export", x: 0, y: 300 },
  ],
  flows: [
    {
      from: "staff",
      to: "portal",
      protocol: "TCP",
      ports: "443",
      appProtocol: "HTTPS",
      encryption: "TLS",
      authentication: "MFA",
      justification: "Staff manage records",
    },
    {
      from: "portal",
      to: "store",
      protocol: "TCP",
      ports: "5432",
      appProtocol: "PostgreSQL",
      encryption: "TLS",
      authentication: "CERTIFICATE",
      justification: "The portal stores records",
    },
    { from: "export", to: "store", protocol: "TCP", ports: "5432", encryption: "NONE" },
  ],
};

export type TSurfaceWithMap = { id: string; name: string; netopsOwner: TPerson; secopsOwner: TPerson; nodeIds: Record<string, string> };

/** A fresh surface owned by one person of each team, its map drawn by the NetOps owner, optionally agreed. */
export async function createSurfaceWithMap(spec: TSurfaceSpec = {}): Promise<TSurfaceWithMap> {
  assertSharedDatabase();
  const netopsOwner = spec.netopsOwner ?? (await createPerson(AS.netops));
  const secopsOwner = spec.secopsOwner ?? (await createPerson(AS.secops));
  const name = spec.name ?? `Records ${suffix()}`;
  const { elements = RECORDS_MAP.elements, nodes = RECORDS_MAP.nodes, flows = RECORDS_MAP.flows } = spec;
  const surface = await createSurface(
    contextOf(netopsOwner),
    ZCreateSurface.parse({
      name,
      criticality: "HIGH",
      purpose: "Made by an end-to-end fixture.",
      netopsOwnerId: netopsOwner.id,
      secopsOwnerId: secopsOwner.id,
      elements,
    }),
  );
  const elementIds = new Map(surface.elements.map((element) => [element.name, element.id]));
  const nodeIds = Object.fromEntries(nodes.map((node) => [node.key, crypto.randomUUID()]));
  const operations: TMapOperationInput[] = [
    ...nodes.map(({ key, zone, element, ...node }) => ({
      op: "createNode" as const,
      node: {
        ...node,
        id: nodeIds[key],
        zoneId: zone ? nodeIds[zone] : null,
        daasElementId: element ? (elementIds.get(element) ?? null) : null,
      },
    })),
    ...flows.map(({ from, to, ...flow }) => ({
      op: "createEdge" as const,
      edge: { ...flow, sourceId: nodeIds[from]!, targetId: nodeIds[to]!, status: "PROPOSED" as const },
    })),
  ];
  if (operations.length > 0) await applyMapOperations(contextOf(netopsOwner), surface.id, operations, "paste");
  if (spec.agreed) {
    await submitSurface(contextOf(netopsOwner), surface.id);
    await signOffSurface(contextOf(netopsOwner), surface.id);
    await signOffSurface(contextOf(secopsOwner), surface.id);
  }
  return { id: surface.id, name, netopsOwner, secopsOwner, nodeIds };
}

/** A shared objective led by a fresh person of each team, measured by one indicator or KPI. */
export async function createObjectiveMeasuredBy(metricKey: string, target: number) {
  assertSharedDatabase();
  const netopsLead = await createPerson(AS.netops);
  const secopsLead = await createPerson(AS.secops);
  const title = `Objective ${suffix()}`;
  await createObjective(contextOf(netopsLead), {
    title,
    description: "",
    dueDate: null,
    netopsLeadId: netopsLead.id,
    secopsLeadId: secopsLead.id,
    keyResults: [{ title: `${title}: key result`, metricKey, baseline: 0, target }],
  });
  return { title, netopsLead, secopsLead };
}
