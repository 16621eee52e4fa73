import { db, type MaturityStage } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { systemContext } from "@/lib/auth/actor";
import { BUILT_IN_CATALOGS, STAGES, assessableItems } from "@/lib/maturity/catalog";
import { ensureBuiltInCatalogs } from "@/lib/maturity/service";
import { INDICATORS } from "@/lib/metrics/indicators";
import { loadProgramRecords } from "@/lib/metrics/load";
import type { TSeedContext } from "./context";

const context = systemContext("seed");
const DAY = 86_400_000;

/** Deterministic pseudo-random numbers, so every seeded database tells the same story. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const dayOf = (date: Date) => new Date(`${date.toISOString().slice(0, 10)}T00:00:00.000Z`);

/** Where each function stood six months ago (index into STAGES); the recent assessment adds progress. */
const BASELINE: Record<string, number> = {
  "identity.authentication": 2,
  "identity.identity-stores": 1,
  "identity.risk-assessments": 1,
  "identity.access-management": 1,
  "devices.policy-enforcement-and-compliance-monitoring": 1,
  "devices.asset-and-supply-chain-risk-management": 0,
  "devices.resource-access": 1,
  "devices.device-threat-protection": 1,
  "networks.network-segmentation": 1,
  "networks.network-traffic-management": 1,
  "networks.traffic-encryption": 1,
  "networks.network-resilience": 1,
  "applications-and-workloads.application-access": 1,
  "applications-and-workloads.application-threat-protections": 1,
  "applications-and-workloads.accessible-applications": 1,
  "applications-and-workloads.secure-application-development-and-deployment-workflow": 0,
  "applications-and-workloads.application-security-testing": 1,
  "data.data-inventory-management": 1,
  "data.data-categorization": 1,
  "data.data-availability": 2,
  "data.data-access": 1,
  "data.data-encryption": 1,
};

/** Functions the two teams still disagree on in the recent assessment: [NetOps stage, SecOps stage]. */
const RECENT_DISPUTES: Record<string, [MaturityStage, MaturityStage]> = {
  "networks.traffic-encryption": ["ADVANCED", "INITIAL"],
  "identity.risk-assessments": ["INITIAL", "TRADITIONAL"],
};

const EVIDENCE: Record<string, { text: string; links: string[] }> = {
  "networks.network-segmentation": {
    text: "Payments and identity surfaces micro-segmented; flow maps agreed by both teams.",
    links: ["https://wiki.example.com/zt/segmentation"],
  },
  "networks.traffic-encryption": {
    text: "mTLS inside the payments zone; legacy settlement batch still plain TCP (see indicator).",
    links: ["https://wiki.example.com/zt/mtls-rollout"],
  },
  "identity.authentication": { text: "Phishing-resistant MFA (FIDO2) for all workforce accounts since March.", links: [] },
  "cross-cutting.governance": {
    text: "Joint CAB with NetOps and SecOps approvers; classification rules co-authored.",
    links: ["https://wiki.example.com/zt/charter"],
  },
};

async function seedAssessments(seed: TSeedContext, catalogId: string): Promise<void> {
  const items = assessableItems(BUILT_IN_CATALOGS[0]!);
  const now = Date.now();
  const plans = [
    { title: "ZTMM baseline assessment", assessedOn: dayOf(new Date(now - 182 * DAY)), recent: false },
    { title: "ZTMM half-year review", assessedOn: dayOf(new Date(now - 12 * DAY)), recent: true },
  ];
  for (const plan of plans) {
    if (await db.maturityAssessment.findFirst({ where: { title: plan.title }, select: { id: true } })) continue;
    const next = random(plan.recent ? 7 : 3);
    await db.$transaction(async (tx) => {
      const assessment = await tx.maturityAssessment.create({
        data: {
          catalogId,
          title: plan.title,
          assessedOn: plan.assessedOn,
          netopsAssessorId: seed.users.netopsLead!,
          secopsAssessorId: seed.users.secopsLead!,
        },
      });
      await tx.maturityScore.createMany({
        data: items.map((item, index) => {
          const base = BASELINE[item.key] ?? (item.pillarKey === "cross-cutting" ? 1 : Math.floor(next() * 2));
          const stageIndex = Math.min(3, base + (plan.recent && next() < 0.45 ? 1 : 0));
          const stage = STAGES[stageIndex]!;
          const [netopsStage, secopsStage] =
            plan.recent && RECENT_DISPUTES[item.key]
              ? RECENT_DISPUTES[item.key]!
              : !plan.recent && index === 5
                ? [stage, STAGES[Math.max(0, stageIndex - 1)]!]
                : [stage, stage];
          // Targets a year out; two recent ones already passed without being reached (leadership attention).
          const overdue =
            plan.recent && (item.key === "data.data-categorization" || item.key === "devices.asset-and-supply-chain-risk-management");
          const targetDate = overdue ? new Date(now - 20 * DAY) : new Date(plan.assessedOn.getTime() + 365 * DAY);
          const evidence = EVIDENCE[item.key];
          return {
            assessmentId: assessment.id,
            functionKey: item.key,
            netopsStage,
            secopsStage,
            targetStage: STAGES[Math.min(3, stageIndex + 1)]!,
            targetDate: dayOf(targetDate),
            evidence: evidence?.text ?? "",
            links: evidence?.links ?? [],
          };
        }),
      });
      await recordAudit(tx, context, {
        action: "maturity.assessment.create",
        entityType: "MaturityAssessment",
        entityId: assessment.id,
        after: { title: plan.title, seeded: true },
      });
    });
  }
}

const KPIS = [
  {
    key: "mttd.lateral_movement",
    name: "Mean time to detect lateral movement",
    unit: "h",
    direction: "LOWER_IS_BETTER" as const,
    target: 4,
    description: "From the SOC's incident records: first malicious east-west connection to detection, averaged per month.",
    from: 30,
    to: 7,
  },
  {
    key: "access.challenged_share",
    name: "Access requests challenged or denied",
    unit: "%",
    direction: "HIGHER_IS_BETTER" as const,
    target: 12,
    description: "From the identity provider: step-up challenges plus denials ÷ all access requests.",
    from: 3,
    to: 9.5,
  },
  {
    key: "incidents.contained_one_segment",
    name: "Incidents contained within one segment",
    unit: "%",
    direction: "HIGHER_IS_BETTER" as const,
    target: 90,
    description: "From post-incident reviews: incidents whose blast radius stayed inside one segment.",
    from: 55,
    to: 82,
  },
];

async function seedKpis(): Promise<void> {
  const next = random(11);
  for (const kpi of KPIS) {
    if (await db.kpiDefinition.findUnique({ where: { key: kpi.key }, select: { id: true } })) continue;
    await db.$transaction(async (tx) => {
      const { from, to, ...definition } = kpi;
      const row = await tx.kpiDefinition.create({ data: definition });
      await tx.kpiReading.createMany({
        data: Array.from({ length: 12 }, (_, month) => {
          const progress = month / 11;
          const value = from + (to - from) * progress + (next() - 0.5) * Math.abs(to - from) * 0.12;
          return { kpiId: row.id, value: Math.round(value * 10) / 10, observedAt: new Date(Date.now() - (11 - month) * 30 * DAY) };
        }),
      });
      await recordAudit(tx, context, {
        action: "kpi.create",
        entityType: "KpiDefinition",
        entityId: row.id,
        after: { ...definition, seeded: true },
      });
    });
  }
}

async function seedObjectives(seed: TSeedContext): Promise<void> {
  const objectives = [
    {
      title: "Encrypt every flow into sensitive data",
      description: "No plaintext path into Confidential or Restricted surfaces by the end of the year.",
      keyResults: [
        {
          title: "Unencrypted flows into Confidential/Restricted surfaces down to zero",
          metricKey: "flows.unencrypted_sensitive",
          baseline: 12,
          target: 0,
        },
        { title: "Most flows explicitly approved", metricKey: "flows.explicit_share", baseline: 20, target: 90 },
      ],
    },
    {
      title: "Decide together, quickly",
      description: "Both teams agree every surface and approve changes jointly, without slowing delivery.",
      keyResults: [
        { title: "Every protect surface agreed by both teams", metricKey: "surfaces.agreed_share", baseline: 10, target: 100 },
        { title: "All decisions made jointly", metricKey: "joint.decision_share", baseline: 40, target: 100 },
        { title: "Lateral movement detected within 4 hours", metricKey: "mttd.lateral_movement", baseline: 30, target: 4 },
      ],
    },
  ];
  for (const objective of objectives) {
    if (await db.objective.findFirst({ where: { title: objective.title }, select: { id: true } })) continue;
    await db.$transaction(async (tx) => {
      const row = await tx.objective.create({
        data: {
          title: objective.title,
          description: objective.description,
          netopsLeadId: seed.users.netopsLead!,
          secopsLeadId: seed.users.secopsLead!,
          dueDate: dayOf(new Date(Date.now() + 200 * DAY)),
          keyResults: { create: objective.keyResults },
        },
      });
      await recordAudit(tx, context, {
        action: "objective.create",
        entityType: "Objective",
        entityId: row.id,
        after: { title: objective.title, seeded: true },
      });
    });
  }
}

/** Believable values a year ago for each indicator; the history walks from there to today's value. */
const YEAR_AGO: Record<string, { start: number; end: number; integer?: boolean; max?: number }> = {
  "surfaces.agreed_share": { start: 10, end: 60, max: 100 },
  "surfaces.mapped_share": { start: 0, end: 70, max: 100 },
  "flows.explicit_share": { start: 15, end: 65, max: 100 },
  "flows.unencrypted_sensitive": { start: 14, end: 3, integer: true },
  "flows.approved_unjustified": { start: 9, end: 1, integer: true },
  "flows.denied_cross_zone": { start: 1, end: 6, integer: true },
  "changes.lead_time_median": { start: 190, end: 60 },
  "changes.lead_time_p90": { start: 520, end: 210 },
  "changes.preapproved_share": { start: 8, end: 45, max: 100 },
  "cab.decision_latency": { start: 120, end: 40 },
  "changes.failure_rate": { start: 14, end: 6, max: 100 },
  "changes.emergency_share": { start: 18, end: 7, max: 100 },
  "joint.decision_share": { start: 35, end: 85, max: 100 },
};

/** Back-fills a year of daily snapshots ending yesterday; today's belongs to the scheduled job. */
export async function seedSnapshotHistory(days = 365, endingBefore = new Date()): Promise<number> {
  const records = await loadProgramRecords();
  const next = random(23);
  const today = dayOf(endingBefore).getTime();
  const rows = INDICATORS.flatMap((indicator) => {
    const profile = YEAR_AGO[indicator.key] ?? { start: 0, end: 0 };
    const live = indicator.compute(records).value;
    // No history for what has no data today (e.g. flows before any map exists): a trend leading
    // to "no value" or to a count over nothing would tell a story the records do not.
    if (live === null) return [];
    const population = indicator.key.startsWith("flows.")
      ? records.flows.length
      : indicator.key.startsWith("surfaces.")
        ? records.surfaces.length
        : 1;
    if (population === 0) return [];
    const end = live;
    return Array.from({ length: days }, (_, index) => {
      const daysAgo = days - index;
      const progress = index / (days - 1);
      // An S-curve: slow start, the programme's push mid-year, levelling off.
      const eased = progress * progress * (3 - 2 * progress);
      let value = profile.start + (end - profile.start) * eased + (next() - 0.5) * Math.abs(end - profile.start) * 0.06;
      value = Math.max(0, Math.min(profile.max ?? Number.POSITIVE_INFINITY, value));
      value = profile.integer || indicator.unit === "count" ? Math.round(value) : Math.round(value * 10) / 10;
      return { metricKey: indicator.key, takenOn: new Date(today - daysAgo * DAY), value, detail: { backfilled: true } };
    });
  });
  const { count } = await db.metricSnapshot.createMany({ data: rows, skipDuplicates: true });
  return count;
}

export async function seedMetrics(seed: TSeedContext): Promise<void> {
  const [catalog] = await ensureBuiltInCatalogs();
  await seedAssessments(seed, catalog!.id);
  await seedKpis();
  await seedObjectives(seed);
  await seedSnapshotHistory();
}
