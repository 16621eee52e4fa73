import { httpRuleText } from "@/lib/maps/model/appearance";
import { labelOf } from "@/lib/ui/labels";

/** One line for a flow, used in lists, diffs, minutes and accessible names. */
export function describeFlow(flow: {
  sourceLabel: string;
  targetLabel: string;
  protocol: string;
  ports: string;
  httpMethod?: string;
  httpPath?: string;
  encryption: string;
  authentication: string;
}): string {
  const http = httpRuleText(flow);
  return `${flow.sourceLabel} → ${flow.targetLabel} · ${labelOf(flow.protocol)}${flow.ports ? `/${flow.ports}` : ""}${http ? ` · HTTP ${http}` : ""} · ${labelOf(flow.encryption)} · auth ${labelOf(flow.authentication)}`;
}
