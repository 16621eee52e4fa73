"use client";

import { useState } from "react";
import { labelIfCode } from "@/lib/ui/labels";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/field";
import { useSurfaceVersions } from "@/lib/surfaces/queries";
import { diffSnapshots, isEmptyDiff, type TSnapshot } from "@/lib/surfaces/diff";
import type { TPerson, TSurfaceVersion } from "@/lib/surfaces/schemas";
import { DAAS_LABELS } from "./labels";

function DiffView({ from, to, people }: { from: TSurfaceVersion; to: TSurfaceVersion; people: TPerson[] }) {
  const names = new Map(people.map((person) => [person.id, person.name]));
  const diff = diffSnapshots(from.snapshot as TSnapshot, to.snapshot as TSnapshot, (id) => names.get(id) ?? "a former user");
  if (isEmptyDiff(diff))
    return (
      <p className="text-sm text-muted">
        No content differences between version {from.version} and version {to.version}.
      </p>
    );
  return (
    <div className="flex flex-col gap-3 text-sm" data-testid="version-diff">
      {diff.fields.length > 0 && (
        <table className="w-full text-left">
          <caption className="sr-only">
            Fields changed from version {from.version} to version {to.version}
          </caption>
          <thead className="text-xs text-muted">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">
                Field
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                Version {from.version}
              </th>
              <th scope="col" className="py-1 font-medium">
                Version {to.version}
              </th>
            </tr>
          </thead>
          <tbody>
            {diff.fields.map((change) => (
              <tr key={change.field} className="border-t border-border align-top">
                <th scope="row" className="py-1 pr-3 font-medium">
                  {change.label}
                </th>
                <td className="py-1 pr-3 whitespace-pre-wrap text-removed line-through decoration-removed/60">
                  {labelIfCode(change.before)}
                </td>
                <td className="py-1 whitespace-pre-wrap text-added">{labelIfCode(change.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(diff.tagsAdded.length > 0 || diff.tagsRemoved.length > 0) && (
        <p>
          <span className="font-medium">Tags</span>
          {diff.tagsAdded.map((tag) => (
            <span key={tag} className="ml-2 text-added">
              + {tag}
            </span>
          ))}
          {diff.tagsRemoved.map((tag) => (
            <span key={tag} className="ml-2 text-removed line-through">
              − {tag}
            </span>
          ))}
        </p>
      )}
      {diff.elements.length > 0 && (
        <ul className="flex flex-col gap-1">
          {diff.elements.map((change) => (
            <li key={`${change.kind}-${change.name}`}>
              {change.kind === "added" && (
                <span className="text-added">
                  + Element added: {change.name} ({DAAS_LABELS[change.element.type as keyof typeof DAAS_LABELS] ?? change.element.type},{" "}
                  {change.element.classification.toLowerCase()})
                </span>
              )}
              {change.kind === "removed" && <span className="text-removed">− Element removed: {change.name}</span>}
              {change.kind === "changed" && (
                <span>
                  Element {change.name}:{" "}
                  {change.changes
                    .map((c) => `${c.label.toLowerCase()} ${labelIfCode(String(c.before))} → ${labelIfCode(String(c.after))}`)
                    .join("; ")}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Every version, who made it and who signed it off, and a diff between any two. */
export function HistoryPanel({ surfaceId, people }: { surfaceId: string; people: TPerson[] }) {
  const versions = useSurfaceVersions(surfaceId);
  const [pair, setPair] = useState<{ from?: number; to?: number }>({});
  const list = versions.data ?? [];
  const latest = list[0]?.version;
  const to = pair.to ?? latest;
  const from = pair.from ?? (to !== undefined && to > 1 ? to - 1 : undefined);
  const fromVersion = list.find((v) => v.version === from);
  const toVersion = list.find((v) => v.version === to);

  return (
    <Card aria-labelledby="history-heading" className="flex flex-col gap-4">
      <h2 id="history-heading" className="text-base font-semibold">
        History
      </h2>
      {versions.isError && (
        <p role="alert" className="text-sm text-danger">
          The history could not be loaded: {versions.error.message}
        </p>
      )}
      {versions.isPending && <p className="text-sm text-muted">Loading history…</p>}
      {list.length > 0 && (
        <>
          <ol className="flex flex-col gap-2 text-sm" aria-label="Versions">
            {list.map((version) => (
              <li key={version.version} className="flex flex-wrap items-baseline gap-x-2">
                <span className="font-medium">Version {version.version}</span>
                <span className="text-muted">
                  by {version.author.name} · {new Date(version.createdAt).toLocaleString()}
                </span>
                {version.agreedAt && (
                  <span className="text-success">agreed · signed off by {version.signOffs.map((s) => s.user.name).join(" and ")}</span>
                )}
              </li>
            ))}
          </ol>
          {list.length > 1 ? (
            <div className="flex flex-col gap-3 border-t border-border pt-3">
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <span>Compare</span>
                <Select
                  aria-label="Compare from version"
                  className="w-32"
                  value={from ?? ""}
                  onChange={(event) => setPair({ from: Number(event.target.value), to })}
                >
                  {list.map((v) => (
                    <option key={v.version} value={v.version}>
                      Version {v.version}
                    </option>
                  ))}
                </Select>
                <span>with</span>
                <Select
                  aria-label="Compare to version"
                  className="w-32"
                  value={to ?? ""}
                  onChange={(event) => setPair({ from, to: Number(event.target.value) })}
                >
                  {list.map((v) => (
                    <option key={v.version} value={v.version}>
                      Version {v.version}
                    </option>
                  ))}
                </Select>
              </div>
              {fromVersion && toVersion && <DiffView from={fromVersion} to={toVersion} people={people} />}
            </div>
          ) : (
            <p className="text-sm text-muted">Only one version so far: edits will appear here with a field-by-field comparison.</p>
          )}
        </>
      )}
    </Card>
  );
}
