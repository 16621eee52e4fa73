/**
 * How the forms label each field the API names, so an error reads "Protect surfaces: pick at least
 * one protect surface", never "surfaceIds: …". One table for every form; a field missing here is
 * named from its own name in words ("emergencyReason" → "Emergency reason").
 */
export const FIELD_LABELS: Record<string, string> = {
  surfaceIds: "Protect surfaces",
  surfaceId: "Protect surface",
  scheduledAt: "Date and time",
  pastRecord: "Record of a meeting already held",
  attendeeIds: "Attendees",
  windowStart: "Window start",
  windowEnd: "Window end",
  emergencyReason: "Emergency reason",
  implementationPlan: "Implementation plan",
  verificationPlan: "Verification plan",
  rollbackPlan: "Rollback plan",
  ticketLinks: "Ticket links",
  netopsOwnerId: "NetOps owner",
  secopsOwnerId: "SecOps owner",
  sourceNodeId: "Source",
  targetNodeId: "Target",
  edgeId: "Flow",
  appProtocol: "Application protocol",
  httpMethod: "HTTP method",
  httpPath: "HTTP path",
  timeZone: "Time zone",
  toMeetingId: "Meeting to carry it to",
  itemId: "Agenda item",
  riskPoints: "Risk points",
  extraApprovers: "Extra approvers",
  failureThreshold: "Failure threshold",
  businessOwner: "Business owner",
};

/** What one item of a list is called: "Flow operation 2", "Element 1". */
const LIST_ITEM_LABELS: Record<string, string> = {
  operations: "Flow operation",
  elements: "Element",
  carry: "Undecided item",
  ticketLinks: "Ticket link",
  attendeeIds: "Attendee",
  surfaceIds: "Protect surface",
};

function words(name: string): string {
  const spaced = name
    .replace(/Ids?$/, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .trim();
  return spaced ? spaced.charAt(0).toUpperCase() + spaced.slice(1) : name;
}

/** The label of a field path such as `operations.1.flow.ports` → "Flow operation 2, Ports". */
export function fieldLabelOf(path: string, overrides: Record<string, string> = {}): string {
  const own = overrides[path.replace(/^body\./, "")];
  if (own) return own;
  const parts = path.replace(/^body\./, "").split(".");
  const labels: string[] = [];
  for (let index = 0; index < parts.length; index += 1) {
    const part = parts[index]!;
    const next = parts[index + 1];
    if (next !== undefined && /^\d+$/.test(next)) {
      labels.push(`${LIST_ITEM_LABELS[part] ?? FIELD_LABELS[part] ?? words(part)} ${Number(next) + 1}`);
      index += 1;
    } else if (part !== "flow" && part !== "parameters" && part !== "condition") {
      labels.push(FIELD_LABELS[part] ?? words(part));
    }
  }
  return labels.join(", ") || "This form";
}

/** Validation libraries' generic wording for a missing value. */
const MISSING = /^(invalid input: )?expected [\w ]+, received (undefined|null)$/i;
/** Messages written as the rest of a sentence ("must be…", "is in the past…") follow the label directly. */
const PREDICATE = /^(is|are|must|has|have|was|were|names|cannot|can't|does|do|should|needs)\b/;

/**
 * "Title must be at least 3 characters", "Protect surfaces: pick at least one protect surface",
 * "Name is required": the field as the form labels it, then the reason. A missing value says which.
 */
export function labelledFieldMessage(path: string, message: string, overrides: Record<string, string> = {}): string {
  const label = fieldLabelOf(path, overrides);
  const reason = MISSING.test(message.trim()) ? "is required" : message.trim();
  if (reason.toLowerCase().startsWith(label.toLowerCase())) return reason;
  return PREDICATE.test(reason) ? `${label} ${reason}` : `${label}: ${reason}`;
}
