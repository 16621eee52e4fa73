import { UniqueNameError } from "@/lib/errors";

/**
 * The database's case-insensitive unique names (indexes on lower(name), and the rule trigger), each
 * with the field and the message a person sees. Services check first and say the same; this is for
 * the race two people typing the same name at once can still win.
 */
const UNIQUE_NAMES: Record<string, { field: string; message: string }> = {
  ProtectSurface_name_lower_key: {
    field: "name",
    message: "Another protect surface already has this name (case is ignored): choose another.",
  },
  ChangeTemplate_name_lower_key: {
    field: "name",
    message: "Another standard-change template already has this name (case is ignored): choose another.",
  },
  ClassificationRule_name_lower_key: {
    field: "name",
    message: "Another classification rule already has this name (case is ignored): choose another.",
  },
  CabMeeting_title_lower_key: { field: "title", message: "Another CAB meeting already has this title (case is ignored): choose another." },
};

/** The 409 for a unique-name violation reported by the database, or null for any other error. */
export function uniqueNameErrorOf(error: { message?: string; meta?: unknown }): UniqueNameError | null {
  const text = `${JSON.stringify(error.meta ?? null)} ${error.message ?? ""}`;
  for (const [index, { field, message }] of Object.entries(UNIQUE_NAMES))
    if (text.includes(index)) return new UniqueNameError(field, message);
  return null;
}
