/**
 * A vendor-neutral firewall rule table (CSV) for every other enforcement point: one allow row per
 * approved flow with both ends' names and addresses, then a final deny row per protected node.
 */
import Papa from "papaparse";
import { endpointOf } from "../endpoints";
import type { TPolicySurface, TUnsupportedFlow } from "../model";
import { approvedFlows, dedupe, l7NotEnforced } from "../plan";
import { describeTraffic, trafficOf } from "../ports";
import { approvalText } from "../trace";

export const FIREWALL_COLUMNS = [
  "rule",
  "priority",
  "action",
  "source",
  "source_addresses",
  "destination",
  "destination_addresses",
  "protocol",
  "ports",
  "application",
  "principal",
  "flow_id",
  "approved_by",
  "surface",
] as const;
export type TFirewallRow = Record<(typeof FIREWALL_COLUMNS)[number], string>;

/**
 * Rules are named after what they stand for (the flow, the protected node), never numbered by
 * position: adding or removing one flow then changes one row, so a change's diff and a firewall
 * manager's import see one rule come or go instead of every later rule renumbered. Order is by
 * priority: every allow before the denies.
 */
const ALLOW_PRIORITY = "100";
const DENY_PRIORITY = "900";
const ruleName = (action: "allow" | "deny", id: string) => `${action}-${id.replace(/-/g, "").slice(-12)}`;

function addressesOf(node: Parameters<typeof endpointOf>[0]): string {
  const endpoint = endpointOf(node);
  if (endpoint.kind === "network") return [...endpoint.cidrs, ...endpoint.hostnames].join(" ");
  if (endpoint.kind === "workload")
    return Object.entries(endpoint.selector)
      .map(([key, value]) => `${endpoint.namespace}/${key}=${value}`)
      .join(" ");
  return "";
}

export function firewallRows(surface: TPolicySurface): { documents: TFirewallRow[]; unsupported: TUnsupportedFlow[] } {
  const nodes = new Map(surface.nodes.map((node) => [node.id, node]));
  const rows: TFirewallRow[] = [];
  const unsupported: TUnsupportedFlow[] = [];
  for (const flow of approvedFlows(surface)) {
    const source = nodes.get(flow.sourceId);
    const target = nodes.get(flow.targetId);
    if (!source || !target) {
      unsupported.push({ flowId: flow.id, reason: "one of its ends is no longer on the map" });
      continue;
    }
    const traffic = trafficOf(flow);
    if (traffic.kind === "invalid") {
      unsupported.push({ flowId: flow.id, reason: traffic.reason });
      continue;
    }
    const [sourceAddresses, targetAddresses] = [addressesOf(source), addressesOf(target)];
    if (!sourceAddresses || !targetAddresses) {
      unsupported.push({
        flowId: flow.id,
        reason: `"${!sourceAddresses ? source.label : target.label}" has no addresses or workload labels to write in a rule`,
      });
      continue;
    }
    rows.push({
      rule: ruleName("allow", flow.id),
      priority: ALLOW_PRIORITY,
      action: "allow",
      source: source.label,
      source_addresses: sourceAddresses,
      destination: target.label,
      destination_addresses: targetAddresses,
      protocol: flow.protocol,
      ports: describeTraffic(flow).replace(/^\S+\s?/, ""),
      application: flow.appProtocol,
      principal: flow.principal,
      flow_id: flow.id,
      approved_by: approvalText(flow.approval),
      surface: surface.name,
    });
  }
  for (const node of surface.nodes.filter((candidate) => candidate.protected).sort((a, b) => a.label.localeCompare(b.label))) {
    const addresses = addressesOf(node);
    if (!addresses) continue;
    rows.push({
      rule: ruleName("deny", node.id),
      priority: DENY_PRIORITY,
      action: "deny",
      source: "any",
      source_addresses: "any",
      destination: node.label,
      destination_addresses: addresses,
      protocol: "ANY",
      ports: "",
      application: "",
      principal: "",
      flow_id: "",
      approved_by: "default deny of the protect surface",
      surface: surface.name,
    });
  }
  unsupported.push(...l7NotEnforced(surface, "The rule table"));
  return { documents: rows, unsupported: dedupe(unsupported) };
}

/** CSV with a header row; papaparse escapes cells that a spreadsheet would run as formulas. */
export function firewallCsv(rows: TFirewallRow[]): string {
  return `${Papa.unparse(rows, { columns: [...FIREWALL_COLUMNS], escapeFormulae: true })}\n`;
}
