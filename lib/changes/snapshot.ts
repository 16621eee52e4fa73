import crypto from "node:crypto";
import canonicalize from "canonicalize";
import type { FlowOpKind } from "@/lib/db/generated/enums.ts";
import type { TFlowSnapshot } from "@/lib/change-policy/types";

export type TStoredOperation = {
  kind: FlowOpKind;
  surfaceId: string;
  edgeId: string | null;
  before: TFlowSnapshot | null;
  after: TFlowSnapshot | null;
};

/** The content of a change that approvals are bound to; state, votes and timestamps are not content. */
export type TChangeContent = {
  title: string;
  description: string;
  environment: string;
  implementationPlan: string;
  verificationPlan: string;
  rollbackPlan: string;
  windowStart: string | null;
  windowEnd: string | null;
  ticketLinks: string[];
  emergencyReason: string | null;
  surfaceIds: string[];
  operations: Array<{ kind: FlowOpKind; surfaceId: string; edgeId: string | null; after: TFlowSnapshot | null }>;
};

export function hashChangeContent(content: TChangeContent): string {
  const normalized = { ...content, surfaceIds: [...content.surfaceIds].sort() };
  return crypto
    .createHash("sha256")
    .update(canonicalize(normalized) ?? "")
    .digest("hex");
}
