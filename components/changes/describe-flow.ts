/** One line for a flow, used in lists, diffs, minutes and accessible names. */
export function describeFlow(flow: {
  sourceLabel: string;
  targetLabel: string;
  protocol: string;
  ports: string;
  encryption: string;
  authentication: string;
}): string {
  return `${flow.sourceLabel} → ${flow.targetLabel} · ${flow.protocol}${flow.ports ? `/${flow.ports}` : ""} · ${flow.encryption} · auth ${flow.authentication}`;
}
