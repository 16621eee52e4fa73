"use client";

import { memo, useEffect, useRef, useState, type ReactNode } from "react";
import { X } from "lucide-react";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { KIND_LABELS, STATUS_LABELS, flowWarnings } from "@/lib/maps/model/appearance";
import { graphOf, validateEdge, validateNode } from "@/lib/maps/model/rules";
import {
  AUTHENTICATIONS,
  ENCRYPTIONS,
  FLOW_STATUSES,
  HTTP_METHODS,
  NODE_KINDS,
  PROTOCOLS,
  ZEdgePatch,
  ZNodePatch,
  type TEdgePatch,
  type TFlowMap,
  type TMapEdge,
  type TMapNode,
  type TNodePatch,
} from "@/lib/maps/model/schemas";
import { reparentPosition } from "@/lib/maps/model/geometry";

type TErrors = Record<string, string>;
export type TSaveResult = { ok: true } | { ok: false; fields: TErrors; message?: string };

/** A text control that saves when it loses focus or on Enter, showing the stored value otherwise. */
function CommitText({
  label,
  value,
  error,
  hint,
  multiline,
  disabled,
  onCommit,
}: {
  label: string;
  value: string;
  error?: string;
  hint?: string;
  multiline?: boolean;
  disabled?: boolean;
  onCommit: (value: string) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft !== null && draft !== value) onCommit(draft);
    setDraft(null);
  };
  return (
    <Field label={label} error={error} hint={hint}>
      {(props) =>
        multiline ? (
          <Textarea
            {...props}
            value={draft ?? value}
            disabled={disabled}
            onChange={(event) => setDraft(event.target.value)}
            onBlur={commit}
            rows={3}
          />
        ) : (
          <Input
            {...props}
            value={draft ?? value}
            disabled={disabled}
            onChange={(event) => setDraft(event.target.value)}
            onBlur={commit}
            onKeyDown={(event) => {
              if (event.key === "Enter") commit();
              if (event.key === "Escape") setDraft(null);
            }}
          />
        )
      }
    </Field>
  );
}

function Choice<T extends string>({
  label,
  value,
  options,
  error,
  disabled,
  onCommit,
}: {
  label: string;
  value: T | "";
  options: Array<{ value: T | ""; label: string; disabled?: boolean }>;
  error?: string;
  disabled?: boolean;
  onCommit: (value: T | "") => void;
}) {
  return (
    <Field label={label} error={error}>
      {(props) => (
        <Select {...props} value={value} disabled={disabled} onChange={(event) => onCommit(event.target.value as T | "")}>
          {options.map((option) => (
            <option key={option.value} value={option.value} disabled={option.disabled}>
              {option.label}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}

function ReadOnlyRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[7rem_1fr] gap-2 text-sm">
      <dt className="text-muted">{label}</dt>
      <dd className="min-w-0 break-words">{children || <span className="text-muted">—</span>}</dd>
    </div>
  );
}

const encryptionLabel = { NONE: "None", TLS: "TLS", MTLS: "mTLS" } as const;
const authLabel = { NONE: "None", TOKEN: "Token", CERTIFICATE: "Certificate", MFA: "MFA" } as const;

function parseLabels(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split(/\n|,/)
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => {
        const [key, ...rest] = line.split("=");
        return [key!.trim(), rest.join("=").trim()];
      }),
  );
}

const fieldErrors = (issues: Array<{ path: PropertyKey[]; message: string }>): TErrors =>
  Object.fromEntries(issues.map((issue) => [String(issue.path[0] ?? "(root)"), issue.message]));

type TInspectorProps = {
  map: TFlowMap;
  readOnly: boolean;
  onSave: (kind: "node" | "edge", element: TMapNode | TMapEdge, patch: TNodePatch | TEdgePatch) => Promise<TSaveResult>;
  onDelete: () => void;
  onClose: () => void;
};

export const NodeInspector = memo(function NodeInspector({
  map,
  node,
  readOnly,
  onSave,
  onDelete,
  onClose,
  onConnect,
}: TInspectorProps & { node: TMapNode; onConnect: () => void }) {
  const [errors, setErrors] = useState<TErrors>({});
  const references = {
    elementIds: new Set(map.elements.map((element) => element.id)),
    statementIds: new Set(map.statements.map((statement) => statement.id)),
    personIds: new Set(map.people.map((person) => person.id)),
  };
  const commit = async (patch: TNodePatch) => {
    const parsed = ZNodePatch.safeParse(patch);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error.issues));
    const next = { ...node, ...parsed.data };
    const graph = graphOf(
      map.nodes.map((candidate) => (candidate.id === node.id ? next : candidate)),
      map.edges,
    );
    const problems = validateNode(next, graph, references);
    if (problems.length > 0) return setErrors(Object.fromEntries(problems.map((problem) => [problem.path, problem.message])));
    const result = await onSave("node", node, parsed.data);
    setErrors(result.ok ? {} : result.fields);
  };
  const byId = new Map(map.nodes.map((candidate) => [candidate.id, candidate]));
  const zones = map.nodes.filter((candidate) => candidate.kind === "ZONE" && candidate.id !== node.id);
  const element = map.elements.find((candidate) => candidate.id === node.daasElementId);
  const labelsText = Object.entries(node.labels)
    .map(([key, value]) => `${key}=${value}`)
    .join("\n");
  return (
    <PanelFrame title={node.label} subtitle={KIND_LABELS[node.kind]} onClose={onClose} testId="node-inspector">
      {readOnly ? (
        <dl className="space-y-2">
          <ReadOnlyRow label="Kind">{KIND_LABELS[node.kind]}</ReadOnlyRow>
          <ReadOnlyRow label="Identity">{node.identity}</ReadOnlyRow>
          <ReadOnlyRow label="Labels">{labelsText}</ReadOnlyRow>
          <ReadOnlyRow label="Addresses">{node.addresses.join(", ")}</ReadOnlyRow>
          <ReadOnlyRow label="Zone">{node.zoneId ? byId.get(node.zoneId)?.label : ""}</ReadOnlyRow>
          <ReadOnlyRow label="Environment">{node.environment}</ReadOnlyRow>
          <ReadOnlyRow label="DAAS element">{element ? `${element.name} (${element.classification.toLowerCase()})` : ""}</ReadOnlyRow>
          <ReadOnlyRow label="Notes">{node.notes}</ReadOnlyRow>
        </dl>
      ) : (
        <div className="space-y-3">
          <Button variant="secondary" size="sm" onClick={onConnect} aria-keyshortcuts="C">
            Connect to…
          </Button>
          <CommitText label="Label" value={node.label} error={errors.label} onCommit={(label) => commit({ label })} />
          <Choice
            label="Kind"
            value={node.kind}
            error={errors.kind}
            options={NODE_KINDS.map((kind) => ({ value: kind, label: KIND_LABELS[kind] }))}
            onCommit={(kind) => kind && commit({ kind })}
          />
          <CommitText
            label="Identity"
            hint="Service account or SPIFFE ID"
            value={node.identity}
            error={errors.identity}
            onCommit={(identity) => commit({ identity })}
          />
          <CommitText
            label="Selector labels"
            hint="key=value, one per line"
            multiline
            value={labelsText}
            error={errors.labels}
            onCommit={(text) => commit({ labels: parseLabels(text) })}
          />
          <CommitText
            label="Addresses"
            hint="CIDRs or hostnames, one per line"
            multiline
            value={node.addresses.join("\n")}
            error={errors.addresses}
            onCommit={(text) =>
              commit({
                addresses: text
                  .split(/\n|,/)
                  .map((line) => line.trim())
                  .filter(Boolean),
              })
            }
          />
          <Choice
            label="Zone"
            value={node.zoneId ?? ""}
            error={errors.zoneId}
            options={[{ value: "", label: "No zone" }, ...zones.map((zone) => ({ value: zone.id, label: zone.label }))]}
            onCommit={(zoneId) => commit({ zoneId: zoneId || null, ...reparentPosition(node, zoneId || null, byId) })}
          />
          <CommitText
            label="Environment"
            value={node.environment}
            error={errors.environment}
            onCommit={(environment) => commit({ environment })}
          />
          {node.kind !== "ZONE" && (
            <Choice
              label="DAAS element (protect surface member)"
              value={node.daasElementId ?? ""}
              error={errors.daasElementId}
              options={[
                { value: "", label: "Not a member" },
                ...map.elements.map((candidate) => ({
                  value: candidate.id,
                  label: `${candidate.name} · ${candidate.classification.toLowerCase()}`,
                })),
              ]}
              onCommit={(daasElementId) => commit({ daasElementId: daasElementId || null })}
            />
          )}
          <CommitText label="Notes" multiline value={node.notes} error={errors.notes} onCommit={(notes) => commit({ notes })} />
          {errors["(root)"] && (
            <p role="alert" className="text-sm text-danger">
              {errors["(root)"]}
            </p>
          )}
          <Button variant="danger" size="sm" onClick={onDelete}>
            Delete node
          </Button>
        </div>
      )}
    </PanelFrame>
  );
});

export const EdgeInspector = memo(function EdgeInspector({
  map,
  edge,
  readOnly,
  onSave,
  onDelete,
  onClose,
}: TInspectorProps & { edge: TMapEdge }) {
  const [errors, setErrors] = useState<TErrors>({});
  const references = {
    elementIds: new Set(map.elements.map((element) => element.id)),
    statementIds: new Set(map.statements.map((statement) => statement.id)),
    personIds: new Set(map.people.map((person) => person.id)),
  };
  const byId = new Map(map.nodes.map((node) => [node.id, node]));
  const commit = async (patch: TEdgePatch) => {
    const parsed = ZEdgePatch.safeParse(patch);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error.issues));
    const next = { ...edge, ...parsed.data };
    const problems = validateEdge(next, graphOf(map.nodes, map.edges), references);
    if (problems.length > 0) return setErrors(Object.fromEntries(problems.map((problem) => [problem.path, problem.message])));
    const result = await onSave("edge", edge, parsed.data);
    setErrors(result.ok ? {} : result.fields);
  };
  const warnings = flowWarnings(edge, byId.get(edge.targetId), (id) => map.elements.find((element) => element.id === id)?.classification);
  const title = `${byId.get(edge.sourceId)?.label ?? "?"} → ${byId.get(edge.targetId)?.label ?? "?"}`;
  const owner = map.people.find((person) => person.id === edge.ownerId);
  const statement = map.statements.find((candidate) => candidate.id === edge.statementId);
  return (
    <PanelFrame title={title} subtitle={`Flow · ${STATUS_LABELS[edge.status]}`} onClose={onClose} testId="edge-inspector">
      {warnings.length > 0 && (
        <ul className="mb-3 space-y-1">
          {warnings.map((warning) => (
            <li key={warning.code}>
              <Badge tone="warning">{warning.message}</Badge>
            </li>
          ))}
        </ul>
      )}
      {readOnly ? (
        <dl className="space-y-2">
          <ReadOnlyRow label="Protocol">{edge.ports ? `${edge.protocol} ${edge.ports}` : edge.protocol}</ReadOnlyRow>
          <ReadOnlyRow label="Application">{edge.appProtocol}</ReadOnlyRow>
          <ReadOnlyRow label="Principal">{edge.principal}</ReadOnlyRow>
          <ReadOnlyRow label="HTTP">{[edge.httpMethod, edge.httpPath].filter(Boolean).join(" ")}</ReadOnlyRow>
          <ReadOnlyRow label="Encryption">{encryptionLabel[edge.encryption]}</ReadOnlyRow>
          <ReadOnlyRow label="Authentication">{authLabel[edge.authentication]}</ReadOnlyRow>
          <ReadOnlyRow label="Status">{STATUS_LABELS[edge.status]}</ReadOnlyRow>
          <ReadOnlyRow label="Justification">{edge.justification}</ReadOnlyRow>
          <ReadOnlyRow label="Owner">{owner?.name}</ReadOnlyRow>
          <ReadOnlyRow label="Kipling">{statement?.summary}</ReadOnlyRow>
        </dl>
      ) : (
        <div className="space-y-3">
          <div className="grid grid-cols-2 gap-2">
            <Choice
              label="Protocol"
              value={edge.protocol}
              error={errors.protocol}
              options={PROTOCOLS.map((protocol) => ({ value: protocol, label: protocol }))}
              onCommit={(protocol) =>
                protocol &&
                commit(protocol === "ICMP" || protocol === "ANY" ? { protocol, ports: "" } : { protocol, ports: edge.ports || "443" })
              }
            />
            <CommitText
              label="Ports"
              hint="443 · 80,443 · 8000-8100"
              value={edge.ports}
              disabled={edge.protocol === "ICMP" || edge.protocol === "ANY"}
              error={errors.ports}
              onCommit={(ports) => commit({ ports })}
            />
          </div>
          <CommitText
            label="Application protocol"
            value={edge.appProtocol}
            error={errors.appProtocol}
            onCommit={(appProtocol) => commit({ appProtocol })}
          />
          <CommitText
            label="Required identity"
            hint="The principal the source must assert"
            value={edge.principal}
            error={errors.principal}
            onCommit={(principal) => commit({ principal })}
          />
          <div className="grid grid-cols-2 gap-2">
            <Choice
              label="HTTP method"
              value={edge.httpMethod as (typeof HTTP_METHODS)[number] | ""}
              error={errors.httpMethod}
              options={[{ value: "", label: "Any" }, ...HTTP_METHODS.map((method) => ({ value: method, label: method }))]}
              onCommit={(httpMethod) => commit({ httpMethod })}
            />
            <CommitText
              label="HTTP path"
              hint="/v1/payments/.*"
              value={edge.httpPath}
              error={errors.httpPath}
              onCommit={(httpPath) => commit({ httpPath })}
            />
          </div>
          <div className="grid grid-cols-2 gap-2">
            <Choice
              label="Encryption"
              value={edge.encryption}
              error={errors.encryption}
              options={ENCRYPTIONS.map((value) => ({ value, label: encryptionLabel[value] }))}
              onCommit={(encryption) => encryption && commit({ encryption })}
            />
            <Choice
              label="Authentication"
              value={edge.authentication}
              error={errors.authentication}
              options={AUTHENTICATIONS.map((value) => ({ value, label: authLabel[value] }))}
              onCommit={(authentication) => authentication && commit({ authentication })}
            />
          </div>
          <Choice
            label="Status"
            value={edge.status}
            error={errors.status}
            // Approval is a joint decision (a verified change or both owners' sign-off), so the map offers it only as the current value.
            options={FLOW_STATUSES.filter((value) => value !== "APPROVED" || edge.status === "APPROVED").map((value) => ({
              value,
              label: STATUS_LABELS[value],
              disabled: value === "APPROVED",
            }))}
            onCommit={(status) => status && status !== "APPROVED" && commit({ status })}
          />
          {edge.status !== "APPROVED" && (
            <p className="-mt-2 text-xs text-muted">A verified change or both owners&apos; sign-off approves a flow.</p>
          )}
          <CommitText
            label="Justification"
            hint="Why this flow must exist"
            multiline
            value={edge.justification}
            error={errors.justification}
            onCommit={(justification) => commit({ justification })}
          />
          <Choice
            label="Owner"
            value={edge.ownerId ?? ""}
            error={errors.ownerId}
            options={[
              { value: "", label: "No owner" },
              ...map.people.map((person) => ({
                value: person.id,
                label: `${person.name} (${person.team === "NETOPS" ? "NetOps" : person.team === "SECOPS" ? "SecOps" : "Leadership"})`,
              })),
            ]}
            onCommit={(ownerId) => commit({ ownerId: ownerId || null })}
          />
          <Choice
            label="Kipling statement"
            value={edge.statementId ?? ""}
            error={errors.statementId}
            options={[
              { value: "", label: "None" },
              ...map.statements.map((candidate) => ({ value: candidate.id, label: candidate.summary })),
            ]}
            onCommit={(statementId) => commit({ statementId: statementId || null })}
          />
          {errors["(root)"] && (
            <p role="alert" className="text-sm text-danger">
              {errors["(root)"]}
            </p>
          )}
          <Button variant="danger" size="sm" onClick={onDelete}>
            Delete flow
          </Button>
        </div>
      )}
      {(edge.connections !== null || edge.lastSeen) && (
        <section aria-label="Observed traffic" className="mt-4 rounded-md border border-border bg-surface-2 p-3 text-xs">
          <p className="mb-1 font-semibold">Observed traffic</p>
          <dl className="space-y-1">
            <ReadOnlyRow label="Connections">{edge.connections?.toLocaleString("en")}</ReadOnlyRow>
            <ReadOnlyRow label="Bytes">{edge.bytes !== null ? formatBytes(edge.bytes) : ""}</ReadOnlyRow>
            <ReadOnlyRow label="First seen">{edge.firstSeen ? new Date(edge.firstSeen).toLocaleString("en-GB") : ""}</ReadOnlyRow>
            <ReadOnlyRow label="Last seen">{edge.lastSeen ? new Date(edge.lastSeen).toLocaleString("en-GB") : ""}</ReadOnlyRow>
          </dl>
        </section>
      )}
    </PanelFrame>
  );
});

export function formatBytes(bytes: number): string {
  const units = ["B", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value.toFixed(value < 10 && unit > 0 ? 1 : 0)} ${units[unit]}`;
}

/**
 * Set by a keyboard action that opens an inspector (Enter on a flow's label, "Connect to…"): the
 * inspector that opens next takes the focus, so the person carries on in it. A click leaves the
 * focus where it was.
 */
let focusOnOpen = false;
export function focusInspectorOnOpen(): void {
  focusOnOpen = true;
}

function PanelFrame({
  title,
  subtitle,
  onClose,
  testId,
  children,
}: {
  title: string;
  subtitle: string;
  onClose: () => void;
  testId: string;
  children: ReactNode;
}) {
  const frame = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!focusOnOpen) return;
    focusOnOpen = false;
    frame.current?.focus();
  }, []);
  return (
    <aside
      ref={frame}
      tabIndex={-1}
      aria-label={`Details of ${title}`}
      data-testid={testId}
      className="flex h-full w-80 shrink-0 flex-col border-l border-border bg-surface"
    >
      <header className="flex items-start justify-between gap-2 border-b border-border px-4 py-3">
        <div className="min-w-0">
          <h2 className="truncate text-sm font-semibold">{title}</h2>
          <p className="text-xs text-muted">{subtitle}</p>
        </div>
        <Button variant="ghost" size="icon" aria-label="Close details" onClick={onClose}>
          <X className="h-4 w-4" />
        </Button>
      </header>
      <div className="flex-1 overflow-y-auto px-4 py-3">{children}</div>
    </aside>
  );
}
