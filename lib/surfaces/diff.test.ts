import { describe, expect, it } from "vitest";
import { diffSnapshots, isEmptyDiff, type TSnapshot } from "./diff";

const v1: TSnapshot = {
  name: "Payments",
  purpose: "Card payments",
  classification: "CONFIDENTIAL",
  criticality: "HIGH",
  netopsOwnerId: "u1",
  secopsOwnerId: "u2",
  tags: ["pci", "payments"],
  elements: [
    { type: "DATA", name: "Card DB", description: "vault", classification: "CONFIDENTIAL" },
    { type: "SERVICE", name: "Tokeniser", description: "", classification: "INTERNAL" },
  ],
};

describe("version diff", () => {
  it("is empty for identical versions", () => {
    expect(isEmptyDiff(diffSnapshots(v1, structuredClone(v1)))).toBe(true);
  });

  it("lists changed fields with readable owner names", () => {
    const diff = diffSnapshots(v1, { ...v1, criticality: "CRITICAL", secopsOwnerId: "u3" }, (id) => ({ u2: "Priya", u3: "Tom" })[id] ?? id);
    expect(diff.fields).toEqual([
      { field: "criticality", label: "Criticality", before: "HIGH", after: "CRITICAL" },
      { field: "secopsOwnerId", label: "SecOps owner", before: "Priya", after: "Tom" },
    ]);
  });

  it("shows tags and elements added, removed and changed", () => {
    const diff = diffSnapshots(v1, {
      ...v1,
      tags: ["pci", "tier-1"],
      elements: [
        { type: "DATA", name: "card db", description: "vault", classification: "RESTRICTED" },
        { type: "ASSET", name: "HSM", description: "", classification: "RESTRICTED" },
      ],
    });
    expect(diff.tagsAdded).toEqual(["tier-1"]);
    expect(diff.tagsRemoved).toEqual(["payments"]);
    expect(diff.elements).toEqual([
      {
        kind: "changed",
        name: "card db",
        changes: [
          { field: "name", label: "Name", before: "Card DB", after: "card db" },
          { field: "classification", label: "Classification", before: "CONFIDENTIAL", after: "RESTRICTED" },
        ],
      },
      { kind: "removed", name: "Tokeniser", element: v1.elements![1] },
      { kind: "added", name: "HSM", element: { type: "ASSET", name: "HSM", description: "", classification: "RESTRICTED" } },
    ]);
  });

  it("shows an empty value as a dash", () => {
    expect(diffSnapshots({ notes: "" }, { notes: "Reviewed in workshop" }).fields).toEqual([
      { field: "notes", label: "Notes", before: "—", after: "Reviewed in workshop" },
    ]);
  });
});
