/**
 * AWS security group ingress rules. A node names its security group by an `sg-…` identity; every
 * approved flow into such a node becomes ingress permissions from the source's address blocks or
 * security group. Two forms: the IpPermissions JSON that
 * `aws ec2 authorize-security-group-ingress --group-id sg-… --ip-permissions file://…` takes, and
 * Terraform `aws_vpc_security_group_ingress_rule` blocks.
 */
import { endpointOf, isIpv6Cidr } from "../endpoints";
import type { TPolicyFlow, TPolicyNode, TPolicySurface, TUnsupportedFlow } from "../model";
import { approvedFlows, dedupe, l7NotEnforced } from "../plan";
import { trafficOf } from "../ports";
import { approvalText, slugOf } from "../trace";

const SECURITY_GROUP = /^sg-[0-9a-f]{8,17}$/;

export type TIpPermission = {
  IpProtocol: string;
  FromPort?: number;
  ToPort?: number;
  IpRanges?: { CidrIp: string; Description: string }[];
  Ipv6Ranges?: { CidrIpv6: string; Description: string }[];
  UserIdGroupPairs?: { GroupId: string; Description: string }[];
};

export type TSecurityGroupRules = { GroupId: string; IpPermissions: TIpPermission[]; flows: { flowId: string; approval: string }[] };

export function securityGroupOf(node: TPolicyNode): string | null {
  const identity = node.identity.trim();
  return SECURITY_GROUP.test(identity) ? identity : null;
}

/** AWS descriptions allow a limited character set and 255 characters. */
export function awsDescription(text: string): string {
  return text.replace(/[^A-Za-z0-9 ._\-:/()#,@[\]+=&;{}!$*]/g, " ").slice(0, 255);
}

function portParts(flow: TPolicyFlow): { IpProtocol: string; FromPort?: number; ToPort?: number }[] | string {
  const traffic = trafficOf(flow);
  if (traffic.kind === "invalid") return traffic.reason;
  if (traffic.kind === "any") return [{ IpProtocol: "-1" }];
  if (traffic.kind === "icmp") return [{ IpProtocol: "icmp", FromPort: -1, ToPort: -1 }];
  return traffic.matches.map((match) => ({
    IpProtocol: match.protocol.toLowerCase(),
    FromPort: match.from ?? 0,
    ToPort: match.to ?? 65_535,
  }));
}

export function awsRules(surface: TPolicySurface): { documents: TSecurityGroupRules[]; unsupported: TUnsupportedFlow[] } {
  const nodes = new Map(surface.nodes.map((node) => [node.id, node]));
  const groups = new Map<string, TSecurityGroupRules>();
  const unsupported: TUnsupportedFlow[] = [];
  for (const flow of approvedFlows(surface)) {
    const source = nodes.get(flow.sourceId);
    const target = nodes.get(flow.targetId);
    if (!source || !target) {
      unsupported.push({ flowId: flow.id, reason: "one of its ends is no longer on the map" });
      continue;
    }
    const groupId = securityGroupOf(target);
    if (!groupId) {
      unsupported.push({ flowId: flow.id, reason: `"${target.label}" names no security group (an identity like sg-0123456789abcdef0)` });
      continue;
    }
    const parts = portParts(flow);
    if (typeof parts === "string") {
      unsupported.push({ flowId: flow.id, reason: parts });
      continue;
    }
    const description = awsDescription(`Concord flow ${flow.id} ${source.label} to ${target.label}, ${approvalText(flow.approval)}`);
    const peers: Pick<TIpPermission, "IpRanges" | "Ipv6Ranges" | "UserIdGroupPairs"> = {};
    const sourceGroup = securityGroupOf(source);
    const endpoint = endpointOf(source);
    if (sourceGroup) peers.UserIdGroupPairs = [{ GroupId: sourceGroup, Description: description }];
    else if (endpoint.kind === "network" && endpoint.cidrs.length > 0) {
      const v4 = endpoint.cidrs.filter((cidr) => !isIpv6Cidr(cidr));
      const v6 = endpoint.cidrs.filter(isIpv6Cidr);
      if (v4.length) peers.IpRanges = v4.map((cidr) => ({ CidrIp: cidr, Description: description }));
      if (v6.length) peers.Ipv6Ranges = v6.map((cidr) => ({ CidrIpv6: cidr, Description: description }));
      if (endpoint.hostnames.length)
        unsupported.push({ flowId: flow.id, reason: `security groups match addresses, not DNS names: ${endpoint.hostnames.join(", ")}` });
    } else {
      unsupported.push({ flowId: flow.id, reason: `"${source.label}" has no address block or security group a rule could name` });
      continue;
    }
    const group = groups.get(groupId) ?? { GroupId: groupId, IpPermissions: [], flows: [] };
    for (const part of parts) group.IpPermissions.push({ ...part, ...peers });
    group.flows.push({ flowId: flow.id, approval: approvalText(flow.approval) });
    groups.set(groupId, group);
  }
  unsupported.push(...l7NotEnforced(surface, "A security group"));
  return { documents: [...groups.values()].sort((a, b) => a.GroupId.localeCompare(b.GroupId)), unsupported: dedupe(unsupported) };
}

function hclString(text: string): string {
  return JSON.stringify(text).replace(/\$\{/g, "$${").replace(/%\{/g, "%%{");
}

/** Terraform blocks, one per peer and port range, named after the flow so plans stay readable. */
export function terraformOf(surface: TPolicySurface, groups: TSecurityGroupRules[]): string {
  const blocks: string[] = [
    `# Generated by Concord from the approved flows of protect surface "${surface.name.replace(/\n/g, " ")}" (${surface.id}).`,
  ];
  let index = 0;
  for (const group of groups) {
    for (const permission of group.IpPermissions) {
      const peers = [
        ...(permission.IpRanges ?? []).map((range) => ({ attribute: "cidr_ipv4", value: range.CidrIp, description: range.Description })),
        ...(permission.Ipv6Ranges ?? []).map((range) => ({
          attribute: "cidr_ipv6",
          value: range.CidrIpv6,
          description: range.Description,
        })),
        ...(permission.UserIdGroupPairs ?? []).map((pair) => ({
          attribute: "referenced_security_group_id",
          value: pair.GroupId,
          description: pair.Description,
        })),
      ];
      for (const peer of peers) {
        index += 1;
        const lines = [
          `resource "aws_vpc_security_group_ingress_rule" "concord_${slugOf(surface.name, 20).replace(/-/g, "_")}_${index}" {`,
          `  security_group_id = ${hclString(group.GroupId)}`,
          `  ${peer.attribute} = ${hclString(peer.value)}`,
          `  ip_protocol = ${hclString(permission.IpProtocol)}`,
          ...(permission.FromPort !== undefined ? [`  from_port = ${permission.FromPort}`, `  to_port = ${permission.ToPort}`] : []),
          `  description = ${hclString(peer.description)}`,
          `  tags = {`,
          `    "concord:surface" = ${hclString(surface.id)}`,
          `  }`,
          `}`,
        ];
        blocks.push(lines.join("\n"));
      }
    }
  }
  return `${blocks.join("\n\n")}\n`;
}
