import { labelOf } from "@/lib/ui/labels";

/** One line for a flow, used in lists, diffs, minutes and accessible names. */
export function describeFlow(flow: {
  sourceLabel: string;
  targetLabel: string;
  protocol: string;
  ports: string;
  encryption: string;
  authentication: string;
}): string {
  return `${flow.sourceLabel} → ${flow.targetLabel} · ${labelOf(flow.protocol)}${flow.ports ? `/${flow.ports}` : ""} · ${labelOf(flow.encryption)} · auth ${labelOf(flow.authentication)}`;
}
