import type { Team } from "@/lib/db/generated/enums.ts";
import { Badge } from "@/components/ui/card";
import { TEAM_LABELS } from "@/lib/ui/labels";

export function TeamBadge({ team }: { team: Team }) {
  return <Badge tone={team === "NETOPS" ? "netops" : team === "SECOPS" ? "secops" : "neutral"}>{TEAM_LABELS[team]}</Badge>;
}
