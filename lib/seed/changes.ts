import { db, readAll, type NodeKind, type Prisma, type TTx } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { systemContext, type TActorContext } from "@/lib/auth/actor";
import { applyOperations } from "@/lib/changes/apply-operations";
import { classify } from "@/lib/change-policy/classifier";
import { loadActiveRules, loadActiveTemplates, loadClassifierInput } from "@/lib/change-policy/classify-input";
import type { TCondition } from "@/lib/change-policy/conditions";
import { hashChangeContent, type TStoredOperation } from "@/lib/changes/snapshot";
import type { TFlowSnapshot } from "@/lib/change-policy/types";
import type { TTemplateParameters } from "@/lib/change-policy/template-parameters";
import type { TSeedContext } from "./context";

const SEED_MARKER = "seed-missing-rollback";
const DAY = 86_400_000;

type TSeedRule = {
  ruleKey: string;
  name: string;
  condition: TCondition;
  outcome: string;
  riskPoints?: number;
  extraApprovers?: number;
  rationale: string;
};

/** The rule set NetOps and SecOps agreed for the demo, in order. */
const RULES: TSeedRule[] = [
  {
    ruleKey: SEED_MARKER,
    name: "Missing rollback plan goes to the CAB",
    condition: { fact: "hasRollbackPlan", op: "eq", value: false },
    outcome: "FORCE_CAB",
    riskPoints: 15,
    rationale: "A change we cannot undo is never standard.",
  },
  {
    ruleKey: "seed-restricted-loosening",
    name: "Opening access into Restricted goes to the CAB",
    condition: {
      all: [
        { fact: "loosening", op: "eq", value: true },
        { fact: "maxClassification", op: "gte", value: "RESTRICTED" },
      ],
    },
    outcome: "FORCE_CAB",
    riskPoints: 10,
    rationale: "Cardholder and payroll data: both teams look at every new path in.",
  },
  {
    ruleKey: "seed-blackout",
    name: "Windows in a blackout go to the CAB",
    condition: { fact: "inBlackout", op: "eq", value: true },
    outcome: "FORCE_CAB",
    rationale: "Freeze periods need an explicit exception.",
  },
  {
    ruleKey: "seed-template",
    name: "Fits a standard-change template",
    condition: { fact: "templateMatch", op: "eq", value: true },
    outcome: "ALLOW_PRE_APPROVAL",
    rationale: "Templates are parameters both teams agreed in advance.",
  },
  {
    ruleKey: "seed-tightening",
    name: "Tightening only is pre-approved",
    condition: {
      all: [
        { fact: "tighteningOnly", op: "eq", value: true },
        { fact: "hasVerificationPlan", op: "eq", value: true },
      ],
    },
    outcome: "ALLOW_PRE_APPROVAL",
    rationale: "Closing or narrowing access is what the program wants more of.",
  },
  {
    ruleKey: "seed-external",
    name: "External party adds risk",
    condition: { fact: "externalParty", op: "eq", value: true },
    outcome: "ADD_RISK",
    riskPoints: 15,
    rationale: "Third parties sit outside our identity plane.",
  },
  {
    ruleKey: "seed-cleartext",
    name: "Unencrypted new flows need a third approver",
    condition: { fact: "minAddedEncryption", op: "eq", value: "NONE" },
    outcome: "REQUIRE_APPROVER",
    riskPoints: 10,
    extraApprovers: 1,
    rationale: "Cleartext on the wire is an exception, not a default.",
  },
];

const TEMPLATES: Array<{ name: string; description: string; parameters: TTemplateParameters }> = [
  {
    name: "HTTPS into an Internal or Public surface",
    description: "Open TCP/443 with TLS and token or stronger authentication to a surface classified Internal or lower.",
    parameters: {
      operationKinds: ["ADD"],
      maxFlows: 2,
      protocols: ["TCP"],
      ports: "443",
      minEncryption: "TLS",
      minAuthentication: "TOKEN",
      maxClassification: "INTERNAL",
      environments: ["production", "staging"],
      tighteningOnly: false,
    },
  },
  {
    name: "Retire or narrow flows",
    description: "Remove flows or narrow their ports and crypto on surfaces up to Confidential, at most five at once.",
    parameters: {
      operationKinds: ["REMOVE", "MODIFY"],
      maxFlows: 5,
      protocols: ["TCP", "UDP", "ICMP", "ANY"],
      ports: "",
      minEncryption: "NONE",
      minAuthentication: "NONE",
      maxClassification: "CONFIDENTIAL",
      environments: [],
      tighteningOnly: true,
    },
  },
];

type TMapNodes = { mapId: string; surfaceId: string; nodes: Record<string, string> };

/** Nodes for a surface's map, found by label or created (kind, label). */
async function ensureMap(tx: TTx, surfaceName: string, nodes: Array<[string, NodeKind]>): Promise<TMapNodes | null> {
  const surface = await tx.protectSurface.findFirst({ where: { name: surfaceName }, select: { id: true } });
  if (!surface) return null;
  const map =
    (await tx.flowMap.findUnique({ where: { surfaceId: surface.id } })) ?? (await tx.flowMap.create({ data: { surfaceId: surface.id } }));
  const ids: Record<string, string> = {};
  let column = 0;
  let created = false;
  for (const [label, kind] of nodes) {
    const existing = await tx.flowNode.findFirst({ where: { mapId: map.id, label }, select: { id: true } });
    created ||= !existing;
    ids[label] =
      existing?.id ??
      (await tx.flowNode.create({ data: { mapId: map.id, label, kind, x: 80 + 220 * (column % 4), y: 80 + 160 * Math.floor(column / 4) } }))
        .id;
    column += 1;
  }
  if (created) await bumpMapVersion(tx, map.id);
  return { mapId: map.id, surfaceId: surface.id, nodes: ids };
}

async function ensureEdge(
  tx: TTx,
  map: TMapNodes,
  source: string,
  target: string,
  flow: Omit<TFlowSnapshot, "sourceId" | "targetId" | "sourceLabel" | "targetLabel">,
): Promise<string> {
  const sourceId = map.nodes[source] as string;
  const targetId = map.nodes[target] as string;
  const existing = await tx.flowEdge.findFirst({
    where: { mapId: map.mapId, sourceId, targetId, ports: flow.ports },
    select: { id: true },
  });
  if (existing) return existing.id;
  // Approved only where the owners' agreement approved the map; on a surface not agreed it is a proposal.
  const surface = await tx.protectSurface.findUniqueOrThrow({ where: { id: map.surfaceId }, select: { status: true } });
  const edge = await tx.flowEdge.create({
    data: { mapId: map.mapId, sourceId, targetId, ...flow, status: surface.status === "AGREED" ? "APPROVED" : "PROPOSED" },
  });
  await bumpMapVersion(tx, map.mapId);
  return edge.id;
}

/** Readers cache maps by version, so every write to a map's elements moves its version on. */
async function bumpMapVersion(tx: TTx, mapId: string): Promise<void> {
  await tx.flowMap.update({ where: { id: mapId }, data: { version: { increment: 1 } } });
}

const https = (justification: string, encryption: "TLS" | "MTLS" | "NONE" = "TLS") => ({
  protocol: "TCP" as const,
  ports: "443",
  appProtocol: "https",
  encryption,
  authentication: "TOKEN" as const,
  justification,
});

type TStage =
  "draft" | "review" | "needs_info" | "rejected" | "approved" | "scheduled" | "implemented" | "verified" | "closed" | "rolled_back";
type TChangeSpec = {
  title: string;
  requester: string;
  daysAgo: number;
  stage: TStage;
  ops: TStoredOperation[];
  noRollback?: boolean;
  emergency?: string;
  windowInDays?: number;
};

function add(map: TMapNodes, source: string, target: string, flow: ReturnType<typeof https>): TStoredOperation {
  return {
    kind: "ADD",
    surfaceId: map.surfaceId,
    edgeId: null,
    before: null,
    after: {
      sourceId: map.nodes[source] as string,
      targetId: map.nodes[target] as string,
      sourceLabel: source,
      targetLabel: target,
      ...flow,
    },
  };
}

async function removeOp(tx: TTx, map: TMapNodes, edgeId: string, narrowTo?: string): Promise<TStoredOperation> {
  const edge = await tx.flowEdge.findUniqueOrThrow({ where: { id: edgeId }, include: { source: true, target: true } });
  const before: TFlowSnapshot = {
    sourceId: edge.sourceId,
    targetId: edge.targetId,
    sourceLabel: edge.source.label,
    targetLabel: edge.target.label,
    protocol: edge.protocol,
    ports: edge.ports,
    appProtocol: edge.appProtocol,
    encryption: edge.encryption,
    authentication: edge.authentication,
    justification: edge.justification,
  };
  return narrowTo
    ? { kind: "MODIFY", surfaceId: map.surfaceId, edgeId, before, after: { ...before, ports: narrowTo } }
    : { kind: "REMOVE", surfaceId: map.surfaceId, edgeId, before, after: null };
}

async function createSeedChange(context: TActorContext, users: Record<string, string>, spec: TChangeSpec) {
  await db.$transaction(async (tx) => {
    const created = new Date(Date.now() - spec.daysAgo * DAY);
    const at = (hours: number) => new Date(created.getTime() + hours * 3_600_000);
    const surfaceIds = [...new Set(spec.ops.map((operation) => operation.surfaceId))];
    const windowStart = spec.windowInDays === undefined ? at(72) : new Date(Date.now() + spec.windowInDays * DAY);
    const content = {
      title: spec.title,
      description: `${spec.title}. Requested through Concord.`,
      environment: "production",
      implementationPlan: "Push the policy change through the firewall manager and the mesh config repo.",
      verificationPlan: "Synthetic probe from the source workload; check deny logs for 30 minutes.",
      rollbackPlan: spec.noRollback ? "" : "Revert the policy commit; the previous rule set is retained for 7 days.",
      windowStart: spec.stage === "draft" ? null : windowStart,
      windowEnd: spec.stage === "draft" ? null : new Date(windowStart.getTime() + 2 * 3_600_000),
      ticketLinks: [],
      emergencyReason: spec.emergency ?? null,
    };
    const requesterId = users[spec.requester] as string;
    const change = await tx.change.create({
      data: {
        ...content,
        requesterId,
        createdAt: created,
        contentHash: hashChangeContent({
          ...content,
          windowStart: content.windowStart?.toISOString() ?? null,
          windowEnd: content.windowEnd?.toISOString() ?? null,
          surfaceIds,
          operations: spec.ops.map((operation) => ({
            kind: operation.kind,
            surfaceId: operation.surfaceId,
            edgeId: operation.edgeId,
            after: operation.after,
          })),
        }),
        surfaces: { create: surfaceIds.map((surfaceId) => ({ surfaceId })) },
        operations: {
          create: spec.ops.map((operation, position) => ({
            kind: operation.kind,
            surfaceId: operation.surfaceId,
            edgeId: operation.edgeId,
            before: (operation.before ?? undefined) as Prisma.InputJsonValue,
            after: (operation.after ?? undefined) as Prisma.InputJsonValue,
            position,
          })),
        },
      },
      include: { surfaces: true, operations: true },
    });
    await recordAudit(tx, context, {
      action: "change.create",
      entityType: "Change",
      entityId: change.id,
      after: { title: spec.title, seeded: true },
    });
    if (spec.stage === "draft") return;
    const [rules, templates] = await readAll(tx, [() => loadActiveRules(tx), () => loadActiveTemplates(tx)]);
    const result = classify(await loadClassifierInput(tx, change, templates), rules);
    const steps: Array<[string, number]> = [["SUBMITTED", 1]];
    const reviewState = result.track === "PRE_APPROVED" ? "PRE_APPROVED" : result.track === "CAB" ? "CAB_REVIEW" : "EMERGENCY";
    steps.push([reviewState, 1]);
    const decided = !["review"].includes(spec.stage);
    if (spec.stage === "needs_info") steps.push(["NEEDS_INFO", 30]);
    else if (spec.stage === "rejected") steps.push(["REJECTED", 50]);
    else if (decided && result.track !== "PRE_APPROVED") steps.push(["APPROVED", result.track === "EMERGENCY" ? 2 : 50]);
    const later: Array<[TStage, string]> = [
      ["scheduled", "SCHEDULED"],
      ["implemented", "IMPLEMENTED"],
      ["verified", "VERIFIED"],
      ["closed", "CLOSED"],
    ];
    const order: TStage[] = ["approved", "scheduled", "implemented", "verified", "closed"];
    if (spec.stage === "rolled_back") steps.push(["SCHEDULED", 60], ["IMPLEMENTED", 74], ["ROLLED_BACK", 75], ["CLOSED", 90]);
    else if (order.includes(spec.stage))
      for (const [stage, state] of later)
        if (order.indexOf(stage) <= order.indexOf(spec.stage))
          steps.push([state, { SCHEDULED: 60, IMPLEMENTED: 74, VERIFIED: 76, CLOSED: 100 }[state] ?? 80]);
    let from = "DRAFT";
    // Whoever implemented a change never verifies it: a contributor other than the requester does.
    const verifierId = [users.secops2, users.netops3].find((candidate) => candidate !== requesterId);
    const actorFor = (state: string) =>
      (["APPROVED", "REJECTED", "NEEDS_INFO"].includes(state)
        ? users.secopsLead
        : state === "VERIFIED"
          ? verifierId
          : requesterId) as string;
    for (const [state, hours] of steps) {
      await tx.changeTransition.create({
        data: {
          changeId: change.id,
          from: from as never,
          to: state as never,
          actorId: actorFor(state),
          createdAt: at(hours),
          reason: state === "REJECTED" ? "Use the partner's mTLS endpoint instead." : "",
        },
      });
      from = state;
    }
    const approvedHours = steps.find(([state]) => state === "APPROVED" || state === "REJECTED")?.[1];
    if (approvedHours !== undefined) {
      const rejected = from === "REJECTED" || steps.some(([state]) => state === "REJECTED");
      await tx.changeApproval.create({
        data: {
          changeId: change.id,
          userId: users.netopsLead as string,
          team: "NETOPS",
          decision: "APPROVE",
          comment: "Routing checked.",
          contentHash: change.contentHash,
          createdAt: at(approvedHours - 1),
        },
      });
      await tx.changeApproval.create({
        data: {
          changeId: change.id,
          userId: users.secopsLead as string,
          team: "SECOPS",
          decision: rejected ? "REJECT" : "APPROVE",
          comment: rejected ? "Use the partner's mTLS endpoint instead." : "Crypto and identity are fine.",
          contentHash: change.contentHash,
          createdAt: at(approvedHours),
        },
      });
    }
    const hoursOf = (state: string) => steps.find(([candidate]) => candidate === state)?.[1];
    const when = (state: string) => (hoursOf(state) === undefined ? null : at(hoursOf(state) as number));
    await tx.change.update({
      where: { id: change.id },
      data: {
        state: from as never,
        track: result.track,
        riskScore: result.riskScore,
        requiredApprovals: result.requiredApprovals,
        classification: result as unknown as Prisma.InputJsonValue,
        templateId: result.templateId,
        submittedAt: at(1),
        decidedAt: when("APPROVED") ?? when("REJECTED") ?? when("PRE_APPROVED"),
        scheduledAt: when("SCHEDULED"),
        implementedAt: when("IMPLEMENTED"),
        verifiedAt: when("VERIFIED"),
        rolledBackAt: when("ROLLED_BACK"),
        closedAt: when("CLOSED"),
      },
    });
    if (steps.some(([state]) => state === "VERIFIED")) {
      const rows = await tx.flowOperation.findMany({ where: { changeId: change.id }, orderBy: { position: "asc" } });
      await applyOperations(tx, context, change.id, rows);
    }
  });
}

/** Demo rules, templates, a blackout, CAB meetings and ~30 changes across every state and track. */
export async function seedChanges({ users }: TSeedContext): Promise<void> {
  if (await db.classificationRule.findFirst({ where: { ruleKey: SEED_MARKER }, select: { id: true } })) return;
  const context = systemContext("seed");
  const netopsLead = users.netopsLead as string;
  const secopsLead = users.secopsLead as string;
  const maps = await db.$transaction(async (tx) => {
    const payments = await ensureMap(tx, "Card payments", [
      ["Partner gateway", "EXTERNAL"],
      ["Payment API", "SERVICE"],
      ["Tokenisation service", "SERVICE"],
      ["Cardholder database", "DATASTORE"],
      ["Settlement batch", "WORKLOAD"],
      ["Fraud scoring", "WORKLOAD"],
    ]);
    const warehouse = await ensureMap(tx, "Data warehouse", [
      ["ETL pipeline", "WORKLOAD"],
      ["Warehouse tables", "DATASTORE"],
      ["BI analysts", "USER_GROUP"],
      ["Legacy reporting host", "WORKLOAD"],
      ["Marketing SaaS", "EXTERNAL"],
    ]);
    const wiki = await ensureMap(tx, "Internal wiki", [
      ["Employees", "USER_GROUP"],
      ["Wiki", "SERVICE"],
      ["Search indexer", "WORKLOAD"],
      ["Backup agent", "WORKLOAD"],
    ]);
    const identity = await ensureMap(tx, "Workforce identity", [
      ["SSO / OIDC provider", "SERVICE"],
      ["MFA service", "SERVICE"],
      ["Employee directory", "DATASTORE"],
      ["HR sync job", "WORKLOAD"],
    ]);
    return { payments, warehouse, wiki, identity };
  });
  if (!maps.payments || !maps.warehouse || !maps.wiki || !maps.identity) return;
  const { payments, warehouse, wiki, identity } = maps;
  const edges = await db.$transaction(async (tx) => ({
    payApiToToken: await ensureEdge(tx, payments, "Payment API", "Tokenisation service", {
      protocol: "TCP",
      ports: "8443",
      appProtocol: "grpc",
      encryption: "MTLS",
      authentication: "CERTIFICATE",
      justification: "Tokenise PANs",
    }),
    settlementDb: await ensureEdge(tx, payments, "Settlement batch", "Cardholder database", {
      protocol: "TCP",
      ports: "5432",
      appProtocol: "postgres",
      encryption: "TLS",
      authentication: "CERTIFICATE",
      justification: "Nightly settlement",
    }),
    etlTables: await ensureEdge(tx, warehouse, "ETL pipeline", "Warehouse tables", {
      protocol: "TCP",
      ports: "5432,5433",
      appProtocol: "postgres",
      encryption: "TLS",
      authentication: "TOKEN",
      justification: "Nightly loads",
    }),
    legacyTables: await ensureEdge(tx, warehouse, "Legacy reporting host", "Warehouse tables", {
      protocol: "TCP",
      ports: "1433,5432",
      appProtocol: "",
      encryption: "NONE",
      authentication: "NONE",
      justification: "Old reports (to retire)",
    }),
    biTables: await ensureEdge(tx, warehouse, "BI analysts", "Warehouse tables", {
      protocol: "TCP",
      ports: "443,8080",
      appProtocol: "https",
      encryption: "TLS",
      authentication: "MFA",
      justification: "Dashboards",
    }),
    wikiEmployees: await ensureEdge(tx, wiki, "Employees", "Wiki", {
      protocol: "TCP",
      ports: "80,443",
      appProtocol: "https",
      encryption: "TLS",
      authentication: "MFA",
      justification: "Read the wiki",
    }),
    backupWiki: await ensureEdge(tx, wiki, "Backup agent", "Wiki", {
      protocol: "TCP",
      ports: "22",
      appProtocol: "ssh",
      encryption: "TLS",
      authentication: "CERTIFICATE",
      justification: "Nightly backup",
    }),
    hrSync: await ensureEdge(tx, identity, "HR sync job", "Employee directory", {
      protocol: "TCP",
      ports: "389,636",
      appProtocol: "ldap",
      encryption: "NONE",
      authentication: "TOKEN",
      justification: "HR attribute sync",
    }),
  }));

  await db.$transaction(async (tx) => {
    for (const [position, rule] of RULES.entries()) {
      const created = await tx.classificationRule.create({
        data: {
          ...rule,
          condition: rule.condition as Prisma.InputJsonValue,
          position: (position + 1) * 10,
          status: "ACTIVE",
          authorId: position % 2 ? secopsLead : netopsLead,
          activatedAt: new Date(Date.now() - 120 * DAY),
        },
      });
      await tx.ruleApproval.createMany({
        data: [
          { ruleId: created.id, userId: netopsLead, team: "NETOPS" },
          { ruleId: created.id, userId: secopsLead, team: "SECOPS" },
        ],
      });
      await recordAudit(tx, context, {
        action: "rule.activate",
        entityType: "ClassificationRule",
        entityId: created.id,
        after: { ruleKey: rule.ruleKey, seeded: true },
      });
    }
    const proposal = await tx.classificationRule.create({
      data: {
        ruleKey: "seed-many-flows",
        name: "More than five flows at once goes to the CAB",
        condition: { fact: "flowsTouched", op: "gt", value: 5 },
        outcome: "FORCE_CAB",
        riskPoints: 5,
        position: 35,
        rationale: "Big batches hide mistakes; split them or bring them to the board.",
        authorId: users.netops2 as string,
      },
    });
    await tx.ruleApproval.create({ data: { ruleId: proposal.id, userId: users.netops2 as string, team: "NETOPS" } });
    for (const template of TEMPLATES) {
      const created = await tx.changeTemplate.create({
        data: { ...template, status: "ACTIVE", authorId: secopsLead, activatedAt: new Date(Date.now() - 90 * DAY) },
      });
      await tx.templateApproval.createMany({
        data: [
          { templateId: created.id, userId: netopsLead, team: "NETOPS" },
          { templateId: created.id, userId: secopsLead, team: "SECOPS" },
        ],
      });
    }
    const year = new Date().getUTCFullYear();
    await tx.blackoutWindow.create({
      data: {
        name: "Year-end change freeze",
        startsAt: new Date(Date.UTC(year, 11, 20)),
        endsAt: new Date(Date.UTC(year + 1, 0, 3)),
        createdById: secopsLead,
      },
    });
    await tx.blackoutWindow.create({
      data: {
        name: "Card scheme certification",
        startsAt: new Date(Date.now() + 20 * DAY),
        endsAt: new Date(Date.now() + 22 * DAY),
        surfaceId: payments.surfaceId,
        createdById: netopsLead,
      },
    });
  });

  const specs: TChangeSpec[] = [];
  const partnerIn = (title: string, stage: TStage, daysAgo: number, requester = "netops2") =>
    specs.push({
      title,
      requester,
      daysAgo,
      stage,
      ops: [add(payments, "Partner gateway", "Payment API", { ...https("Card scheme callbacks"), encryption: "MTLS" })],
    });
  partnerIn("Open scheme callbacks into the Payment API", "closed", 150);
  partnerIn("Allow acquirer health checks to the Payment API", "closed", 120, "secops2");
  partnerIn("Fraud vendor callbacks to the Payment API", "verified", 40);
  partnerIn("Second acquirer connection", "rejected", 60, "netops3");
  partnerIn("Partner settlement reports", "review", 3);
  partnerIn("Scheme tokenisation pilot", "approved", 8, "secops2");
  partnerIn("New acquirer failover path", "needs_info", 12, "netops3");
  specs.push({
    title: "Fraud scoring reads tokens",
    requester: "netops2",
    daysAgo: 2,
    stage: "review",
    ops: [add(payments, "Fraud scoring", "Tokenisation service", https("Score transactions in real time", "MTLS"))],
  });
  specs.push({
    title: "Settlement batch to tokenisation (cleartext test harness)",
    requester: "netops3",
    daysAgo: 1,
    stage: "review",
    ops: [add(payments, "Settlement batch", "Tokenisation service", { ...https("Test harness"), encryption: "NONE" })],
  });
  specs.push({
    title: "Emergency: restore settlement after certificate expiry",
    requester: "netops2",
    daysAgo: 5,
    stage: "verified",
    emergency: "Settlement failing since 02:00; certificates expired.",
    ops: [add(payments, "Settlement batch", "Payment API", https("Temporary settlement path", "MTLS"))],
  });
  specs.push({
    title: "Emergency: open HSM fallback path",
    requester: "netops3",
    daysAgo: 0.2,
    stage: "review",
    emergency: "Primary HSM cluster down; payments failing.",
    ops: [add(payments, "Payment API", "Cardholder database", https("HSM fallback", "MTLS"))],
  });
  for (const [index, daysAgo] of [170, 140, 110, 80, 50].entries()) {
    specs.push({
      title: `Search indexer reads the wiki (${["eu", "us", "apac", "dr", "staging"][index]})`,
      requester: index % 2 ? "secops3" : "netops3",
      daysAgo,
      stage: "closed",
      ops: [add(wiki, "Search indexer", "Wiki", { ...https("Full-text search index"), ports: "8443" })],
    });
  }
  specs.push({
    title: "Employees reach the wiki over HTTPS only",
    requester: "secops2",
    daysAgo: 30,
    stage: "closed",
    ops: [await db.$transaction((tx) => removeOp(tx, wiki, edges.wikiEmployees, "443"))],
  });
  specs.push({
    title: "Retire the legacy reporting host's database access",
    requester: "netops2",
    daysAgo: 20,
    stage: "scheduled",
    windowInDays: 4,
    ops: [await db.$transaction((tx) => removeOp(tx, warehouse, edges.legacyTables))],
  });
  specs.push({
    title: "Narrow ETL loads to the primary port",
    requester: "netops3",
    daysAgo: 10,
    stage: "scheduled",
    windowInDays: 4,
    ops: [await db.$transaction((tx) => removeOp(tx, warehouse, edges.etlTables, "5432"))],
  });
  specs.push({
    title: "BI dashboards over 443 only",
    requester: "secops2",
    daysAgo: 6,
    stage: "implemented",
    ops: [await db.$transaction((tx) => removeOp(tx, warehouse, edges.biTables, "443"))],
  });
  specs.push({
    title: "Marketing SaaS export (no rollback yet)",
    requester: "netops2",
    daysAgo: 4,
    stage: "review",
    noRollback: true,
    ops: [add(warehouse, "Marketing SaaS", "Warehouse tables", https("Campaign segments", "TLS"))],
  });
  specs.push({
    title: "HR sync over LDAPS only",
    requester: "secops3",
    daysAgo: 35,
    stage: "rolled_back",
    ops: [await db.$transaction((tx) => removeOp(tx, identity, edges.hrSync, "636"))],
  });
  specs.push({
    title: "Backup agent to wiki over HTTPS",
    requester: "netops3",
    daysAgo: 9,
    stage: "approved",
    ops: [add(wiki, "Backup agent", "Wiki", https("Backup via API"))],
  });
  specs.push({
    title: "Settlement narrows to TLS 5432",
    requester: "netops2",
    daysAgo: 15,
    stage: "scheduled",
    windowInDays: 6,
    ops: [await db.$transaction((tx) => removeOp(tx, payments, edges.settlementDb, "5432"))],
  });
  specs.push({
    title: "MFA service probes from monitoring",
    requester: "secops2",
    daysAgo: 1.5,
    stage: "draft",
    ops: [add(identity, "HR sync job", "MFA service", https("Health probes"))],
  });
  specs.push({
    title: "Directory read for the new HR portal",
    requester: "netops3",
    daysAgo: 0.5,
    stage: "draft",
    ops: [add(identity, "HR sync job", "SSO / OIDC provider", https("OIDC discovery"))],
  });
  specs.push({
    title: "Wiki search for contractors",
    requester: "secops3",
    daysAgo: 0.7,
    stage: "draft",
    ops: [add(wiki, "Employees", "Search indexer", https("Search UI"))],
  });
  specs.push({
    title: "Token service to payment API (reverse path)",
    requester: "netops2",
    daysAgo: 0.3,
    stage: "draft",
    ops: [add(payments, "Tokenisation service", "Payment API", https("Callbacks", "MTLS"))],
  });
  specs.push({
    title: "Remove the old backup SSH path",
    requester: "secops2",
    daysAgo: 25,
    stage: "closed",
    ops: [await db.$transaction((tx) => removeOp(tx, wiki, edges.backupWiki))],
  });

  for (const spec of specs) await createSeedChange(context, users, spec);

  await db.$transaction(async (tx) => {
    // Meeting titles are unique (whatever their case): each weekly review is named by its date.
    const weekly = (at: Date) => `CAB — weekly review ${at.toISOString().slice(0, 10)}`;
    const past = await tx.cabMeeting.create({
      data: {
        title: weekly(new Date(Date.now() - 7 * DAY)),
        scheduledAt: new Date(Date.now() - 7 * DAY),
        startedAt: new Date(Date.now() - 7 * DAY),
        endedAt: new Date(Date.now() - 7 * DAY + 3_600_000),
        attendees: { create: [{ userId: netopsLead }, { userId: secopsLead }] },
      },
    });
    const upcoming = await tx.cabMeeting.create({
      data: {
        title: weekly(new Date(Date.now() + 2 * DAY)),
        scheduledAt: new Date(Date.now() + 2 * DAY),
        attendees: { create: [{ userId: netopsLead }, { userId: secopsLead }] },
      },
    });
    const pending = await tx.change.findMany({
      where: { OR: [{ state: { in: ["CAB_REVIEW", "EMERGENCY"] } }, { track: "EMERGENCY", state: { not: "CLOSED" } }] },
      orderBy: { riskScore: "desc" },
      select: { id: true, state: true },
    });
    for (const [index, change] of pending.entries()) {
      await tx.cabAgendaItem.create({
        data: {
          meetingId: upcoming.id,
          changeId: change.id,
          position: index + 1,
          retrospective: change.state !== "CAB_REVIEW" && change.state !== "EMERGENCY",
        },
      });
    }
    await recordAudit(tx, context, {
      action: "cab.meeting.create",
      entityType: "CabMeeting",
      entityId: upcoming.id,
      after: { seeded: true, past: past.id },
    });
  });
}
