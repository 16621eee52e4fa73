/**
 * A readable field-by-field diff between two stored versions of a surface (their content
 * snapshots). Pure and free of server imports, so the history view computes it in the browser.
 */

export type TSnapshotElement = { type: string; name: string; description: string; classification: string };
export type TSnapshot = {
  name?: string;
  purpose?: string;
  classification?: string;
  classificationOverride?: string | null;
  criticality?: string;
  environment?: string;
  businessOwner?: string;
  netopsOwnerId?: string | null;
  secopsOwnerId?: string | null;
  tags?: string[];
  notes?: string;
  elements?: TSnapshotElement[];
};

export type TFieldChange = { field: string; label: string; before: string; after: string };
export type TElementChange =
  | { kind: "added"; name: string; element: TSnapshotElement }
  | { kind: "removed"; name: string; element: TSnapshotElement }
  | { kind: "changed"; name: string; changes: TFieldChange[] };
export type TSurfaceDiff = { fields: TFieldChange[]; tagsAdded: string[]; tagsRemoved: string[]; elements: TElementChange[] };

const SCALAR_FIELDS: Array<{ field: keyof TSnapshot; label: string }> = [
  { field: "name", label: "Name" },
  { field: "purpose", label: "Purpose" },
  { field: "classification", label: "Classification" },
  { field: "classificationOverride", label: "Classification raised by hand" },
  { field: "criticality", label: "Criticality" },
  { field: "environment", label: "Environment" },
  { field: "businessOwner", label: "Business owner" },
  { field: "netopsOwnerId", label: "NetOps owner" },
  { field: "secopsOwnerId", label: "SecOps owner" },
  { field: "notes", label: "Notes" },
];

const ELEMENT_FIELDS: Array<{ field: keyof TSnapshotElement; label: string }> = [
  { field: "type", label: "Type" },
  { field: "description", label: "Description" },
  { field: "classification", label: "Classification" },
];

const show = (value: unknown): string => (value === null || value === undefined || value === "" ? "—" : String(value));

/** Elements are matched by name (case-insensitive), the way both teams refer to them. */
export function diffSnapshots(before: TSnapshot, after: TSnapshot, nameOf: (userId: string) => string = (id) => id): TSurfaceDiff {
  const fields: TFieldChange[] = [];
  for (const { field, label } of SCALAR_FIELDS) {
    const from = before[field] ?? null;
    const to = after[field] ?? null;
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    const isOwner = field === "netopsOwnerId" || field === "secopsOwnerId";
    fields.push({
      field,
      label,
      before: isOwner && typeof from === "string" ? nameOf(from) : show(from),
      after: isOwner && typeof to === "string" ? nameOf(to) : show(to),
    });
  }
  const tagsBefore = new Set(before.tags ?? []);
  const tagsAfter = new Set(after.tags ?? []);
  const key = (element: TSnapshotElement) => element.name.trim().toLowerCase();
  const elementsBefore = new Map((before.elements ?? []).map((element) => [key(element), element]));
  const elementsAfter = new Map((after.elements ?? []).map((element) => [key(element), element]));
  const elements: TElementChange[] = [];
  for (const [name, element] of elementsBefore) {
    const next = elementsAfter.get(name);
    if (!next) {
      elements.push({ kind: "removed", name: element.name, element });
      continue;
    }
    const changes = ELEMENT_FIELDS.filter(({ field }) => element[field] !== next[field]).map(({ field, label }) => ({
      field,
      label,
      before: show(element[field]),
      after: show(next[field]),
    }));
    if (element.name !== next.name) changes.unshift({ field: "name", label: "Name", before: element.name, after: next.name });
    if (changes.length > 0) elements.push({ kind: "changed", name: next.name, changes });
  }
  for (const [name, element] of elementsAfter) {
    if (!elementsBefore.has(name)) elements.push({ kind: "added", name: element.name, element });
  }
  return {
    fields,
    tagsAdded: [...tagsAfter].filter((tag) => !tagsBefore.has(tag)).sort(),
    tagsRemoved: [...tagsBefore].filter((tag) => !tagsAfter.has(tag)).sort(),
    elements,
  };
}

export function isEmptyDiff(diff: TSurfaceDiff): boolean {
  return diff.fields.length === 0 && diff.tagsAdded.length === 0 && diff.tagsRemoved.length === 0 && diff.elements.length === 0;
}
