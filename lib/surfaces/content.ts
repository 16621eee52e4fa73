import crypto from "node:crypto";
import canonicalize from "canonicalize";
import type { Classification, Criticality, DaasType } from "@/lib/db/generated/enums.ts";

/**
 * The content of a protect surface that both teams sign off. A sign-off stores the hash of exactly
 * this, so any edit to it voids the sign-off; status, timestamps and comments are not content.
 */
export type TSurfaceContent = {
  name: string;
  purpose: string;
  classification: Classification;
  classificationOverride: Classification | null;
  criticality: Criticality;
  environment: string;
  businessOwner: string;
  netopsOwnerId: string | null;
  secopsOwnerId: string | null;
  tags: string[];
  notes: string;
  elements: Array<{ type: DaasType; name: string; description: string; classification: Classification }>;
};

type TSurfaceRow = Omit<TSurfaceContent, "elements" | "tags"> & {
  tags: string[];
  elements: Array<{ type: DaasType; name: string; description: string; classification: Classification; position: number }>;
};

/** Picks the content out of a stored surface, in a stable order (tags sorted, elements by position). */
export function surfaceContentOf(row: TSurfaceRow): TSurfaceContent {
  return {
    name: row.name,
    purpose: row.purpose,
    classification: row.classification,
    classificationOverride: row.classificationOverride,
    criticality: row.criticality,
    environment: row.environment,
    businessOwner: row.businessOwner,
    netopsOwnerId: row.netopsOwnerId,
    secopsOwnerId: row.secopsOwnerId,
    tags: [...row.tags].sort(),
    notes: row.notes,
    elements: [...row.elements]
      .sort((a, b) => a.position - b.position)
      .map(({ type, name, description, classification }) => ({ type, name, description, classification })),
  };
}

/** SHA-256 of the canonical JSON (RFC 8785) of the content: independent of key order. */
export function hashSurfaceContent(content: TSurfaceContent): string {
  return crypto
    .createHash("sha256")
    .update(canonicalize(content) ?? "")
    .digest("hex");
}

const CLASSIFICATION_ORDER: Classification[] = ["PUBLIC", "INTERNAL", "CONFIDENTIAL", "RESTRICTED"];

/** A surface takes the highest classification of its elements, unless raised higher by hand. */
export function effectiveClassification(
  elements: Array<{ classification: Classification }>,
  override: Classification | null,
): Classification {
  const rank = (value: Classification) => CLASSIFICATION_ORDER.indexOf(value);
  const highest = elements.reduce<Classification>(
    (top, element) => (rank(element.classification) > rank(top) ? element.classification : top),
    "PUBLIC",
  );
  return override && rank(override) > rank(highest) ? override : highest;
}
