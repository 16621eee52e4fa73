import type { Classification, Criticality, DaasType, SurfaceStatus } from "@/lib/db/generated/enums.ts";
import { Badge } from "@/components/ui/card";

export const STATUS_LABELS: Record<SurfaceStatus, string> = { DRAFT: "Draft", IN_REVIEW: "In review", AGREED: "Agreed" };
export const CLASSIFICATION_LABELS: Record<Classification, string> = {
  PUBLIC: "Public",
  INTERNAL: "Internal",
  CONFIDENTIAL: "Confidential",
  RESTRICTED: "Restricted",
};
export const CRITICALITY_LABELS: Record<Criticality, string> = { LOW: "Low", MEDIUM: "Medium", HIGH: "High", CRITICAL: "Critical" };
export const DAAS_LABELS: Record<DaasType, string> = { DATA: "Data", APPLICATION: "Application", ASSET: "Asset", SERVICE: "Service" };

export function StatusBadge({ status }: { status: SurfaceStatus }) {
  return <Badge tone={status === "AGREED" ? "success" : status === "IN_REVIEW" ? "warning" : "neutral"}>{STATUS_LABELS[status]}</Badge>;
}

export function ClassificationBadge({ classification }: { classification: Classification }) {
  const tone = classification === "RESTRICTED" ? "danger" : classification === "CONFIDENTIAL" ? "warning" : "neutral";
  return <Badge tone={tone}>{CLASSIFICATION_LABELS[classification]}</Badge>;
}

export function CriticalityBadge({ criticality }: { criticality: Criticality }) {
  const tone = criticality === "CRITICAL" ? "danger" : criticality === "HIGH" ? "warning" : "neutral";
  return <Badge tone={tone}>{CRITICALITY_LABELS[criticality]}</Badge>;
}
