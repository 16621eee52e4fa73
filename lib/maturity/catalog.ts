import { z } from "zod";
import ztmm2 from "./catalogs/cisa-ztmm-2.0.json";

export const STAGES = ["TRADITIONAL", "INITIAL", "ADVANCED", "OPTIMAL"] as const;
export const ZStage = z.enum(STAGES).meta({ id: "MaturityStage" });
export type TStage = z.infer<typeof ZStage>;

const ZKey = z.string().regex(/^[a-z0-9-]+$/, "must be lower-case words joined by hyphens");

/**
 * A maturity model as data. A later model (a new CISA version, the DoD Zero Trust reference
 * architecture) is another document of this shape: no code changes.
 */
export const ZCatalogDefinition = z
  .object({
    key: ZKey,
    version: z.string().min(1),
    title: z.string().min(1),
    source: z.string().default(""),
    stages: z.array(z.object({ key: ZStage, label: z.string(), description: z.string() })).min(2),
    crossCutting: z.array(z.object({ key: ZKey, label: z.string() })),
    pillars: z
      .array(z.object({ key: ZKey, label: z.string(), functions: z.array(z.object({ key: ZKey, label: z.string() })).min(1) }))
      .min(1),
  })
  .meta({ id: "MaturityCatalogDefinition" });
export type TCatalogDefinition = z.infer<typeof ZCatalogDefinition>;

/** The catalogs Concord ships; the seeder stores each as a MaturityCatalog row. */
export const BUILT_IN_CATALOGS: TCatalogDefinition[] = [ZCatalogDefinition.parse(ztmm2)];

export const OVERALL_PILLAR = "cross-cutting";

export type TAssessableItem = {
  /** Stable key stored on each MaturityScore, e.g. "networks.traffic-encryption". */
  key: string;
  label: string;
  /** The pillar key, or OVERALL_PILLAR for the program-wide cross-cutting capabilities. */
  pillarKey: string;
  pillarLabel: string;
  kind: "function" | "capability";
};

/**
 * Everything an assessment scores: each pillar's functions, each cross-cutting capability within
 * each pillar (ZTMM v2.0 assesses them per pillar) and the capabilities once more program-wide.
 */
export function assessableItems(definition: TCatalogDefinition): TAssessableItem[] {
  const items: TAssessableItem[] = [];
  for (const pillar of definition.pillars) {
    for (const fn of pillar.functions) {
      items.push({ key: `${pillar.key}.${fn.key}`, label: fn.label, pillarKey: pillar.key, pillarLabel: pillar.label, kind: "function" });
    }
    for (const capability of definition.crossCutting) {
      items.push({
        key: `${pillar.key}.cc.${capability.key}`,
        label: capability.label,
        pillarKey: pillar.key,
        pillarLabel: pillar.label,
        kind: "capability",
      });
    }
  }
  for (const capability of definition.crossCutting) {
    items.push({
      key: `${OVERALL_PILLAR}.${capability.key}`,
      label: capability.label,
      pillarKey: OVERALL_PILLAR,
      pillarLabel: "Cross-cutting (program-wide)",
      kind: "capability",
    });
  }
  return items;
}

export function stageIndex(stage: TStage): number {
  return STAGES.indexOf(stage);
}

export function stageLabel(stage: TStage | null | undefined): string {
  if (!stage) return "Not scored";
  return stage.charAt(0) + stage.slice(1).toLowerCase();
}
