import { TRACK_LABELS } from "@/lib/ui/labels";
import { Badge } from "@/components/ui/card";
import { STATE_LABELS } from "@/lib/changes/lifecycle";
import type { ChangeState, ChangeTrack } from "@/lib/db/generated/enums.ts";

const STATE_TONES: Record<ChangeState, "neutral" | "accent" | "success" | "warning" | "danger"> = {
  DRAFT: "neutral",
  SUBMITTED: "accent",
  PRE_APPROVED: "success",
  CAB_REVIEW: "warning",
  EMERGENCY: "danger",
  APPROVED: "success",
  REJECTED: "danger",
  NEEDS_INFO: "warning",
  SCHEDULED: "accent",
  IMPLEMENTED: "accent",
  VERIFIED: "success",
  ROLLED_BACK: "danger",
  CLOSED: "neutral",
};

export function StateBadge({ state }: { state: ChangeState }) {
  return (
    <Badge className="whitespace-nowrap" tone={STATE_TONES[state]}>
      {STATE_LABELS[state]}
    </Badge>
  );
}

export { TRACK_LABELS } from "@/lib/ui/labels";

export function TrackBadge({ track }: { track: ChangeTrack | null }) {
  if (!track) return <span className="text-xs text-muted">Not classified</span>;
  return (
    <Badge className="whitespace-nowrap" tone={track === "PRE_APPROVED" ? "success" : track === "CAB" ? "warning" : "danger"}>
      {TRACK_LABELS[track]}
    </Badge>
  );
}

export function RiskBadge({ score }: { score: number }) {
  const tone = score >= 60 ? "danger" : score >= 35 ? "warning" : "success";
  return (
    <Badge className="whitespace-nowrap" tone={tone}>
      Risk {score}
    </Badge>
  );
}
