import { Badge } from "@/components/ui/card";
import type { TMaturityScore } from "@/lib/maturity/schemas";

const LABELS: Record<TMaturityScore["status"], { text: string; tone: "neutral" | "warning" | "success" | "netops" | "secops" }> = {
  unscored: { text: "Not scored", tone: "neutral" },
  awaiting_netops: { text: "Awaiting NetOps", tone: "netops" },
  awaiting_secops: { text: "Awaiting SecOps", tone: "secops" },
  disputed: { text: "Disputed", tone: "warning" },
  agreed: { text: "Agreed", tone: "success" },
};

export function ScoreStatusBadge({ status }: { status: TMaturityScore["status"] }) {
  const { text, tone } = LABELS[status];
  return <Badge tone={tone}>{text}</Badge>;
}
