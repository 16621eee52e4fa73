"use client";

import { Button } from "@/components/ui/button";
import { labelOf } from "@/lib/ui/labels";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { useApproveTemplate, useProposeTemplate, useTemplates, type TTemplateSuggestion } from "@/lib/change-policy/queries";
import type { TTemplateParameters } from "@/lib/change-policy/template-parameters";
import { TemplateRetirement, templateStatusText } from "./template-retirement";

type TViewer = { team: string; canPropose: boolean; canApprove: boolean };

function describeParameters(parameters: TTemplateParameters): string {
  return [
    `${parameters.operationKinds.map((kind) => labelOf(kind).toLowerCase()).join("/")} of up to ${parameters.maxFlows} flow${parameters.maxFlows === 1 ? "" : "s"}`,
    `protocols ${parameters.protocols.map(labelOf).join(", ")}`,
    parameters.ports ? `ports ${parameters.ports}` : "any port",
    `encryption at least ${labelOf(parameters.minEncryption)}`,
    `authentication at least ${labelOf(parameters.minAuthentication)}`,
    `surfaces up to ${labelOf(parameters.maxClassification).toLowerCase()}`,
    parameters.environments.length ? `in ${parameters.environments.join(", ")}` : "any environment",
    parameters.tighteningOnly ? "tightening only" : "",
  ]
    .filter(Boolean)
    .join(" · ");
}

export function TemplatesBoard({ viewer }: { viewer: TViewer }) {
  const query = useTemplates();
  const approve = useApproveTemplate();
  const propose = useProposeTemplate();
  const promote = (suggestion: TTemplateSuggestion) =>
    propose.mutate({
      name: `Standard: ${suggestion.kind.split("|").slice(2).join(" ").slice(0, 100)}`,
      description: `Promoted after ${suggestion.passes} clean CAB passes (#${suggestion.changeNumbers.join(", #")}).`,
      parameters: suggestion.parameters,
    });
  if (query.isPending)
    return (
      <p className="text-sm text-muted" role="status">
        Loading templates…
      </p>
    );
  if (query.isError) return <EmptyState title="The templates could not be loaded" description={query.error.message} />;
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <Card className="content-start lg:col-span-2">
        <h2 className="mb-3 font-semibold">Catalog</h2>
        {query.data.templates.length === 0 ? (
          <p className="text-sm text-muted">No templates yet.</p>
        ) : (
          <ul className="grid gap-2" aria-label="Templates">
            {query.data.templates.map((template) => {
              const teamApproved = template.approvals.some((approval) => approval.team === viewer.team);
              return (
                <li key={template.id} className="rounded-md border border-border p-3 text-sm">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <div className="flex items-center gap-2">
                      <span className="font-medium">{template.name}</span>
                      <Badge
                        tone={
                          template.status === "ACTIVE"
                            ? "success"
                            : template.status === "SUSPENDED"
                              ? "danger"
                              : template.status === "RETIRED"
                                ? "neutral"
                                : "warning"
                        }
                      >
                        {templateStatusText(template.status)}
                      </Badge>
                      <span className="text-xs text-muted">
                        {template.uses} {template.uses === 1 ? "change" : "changes"}
                      </span>
                    </div>
                    {template.status === "PROPOSED" &&
                      viewer.canApprove &&
                      !teamApproved &&
                      (viewer.team === "NETOPS" || viewer.team === "SECOPS") && (
                        <Button size="sm" onClick={() => approve.mutate(template.id)} disabled={approve.isPending}>
                          Approve
                        </Button>
                      )}
                  </div>
                  {template.description && <p className="mt-1">{template.description}</p>}
                  <p className="mt-1 text-xs text-muted">{describeParameters(template.parameters)}</p>
                  <p className="mt-1 text-xs text-muted">
                    Approved by {template.approvals.map((approval) => approval.name).join(", ") || "nobody yet"}
                  </p>
                  {template.status !== "RETIRED" && <TemplateRetirement template={template} viewer={viewer} />}
                </li>
              );
            })}
          </ul>
        )}
      </Card>
      <Card className="content-start">
        <h2 className="mb-1 font-semibold">Worth promoting</h2>
        <p className="mb-3 text-xs text-muted">Kinds of change verified several times after the CAB approved them, never rolled back.</p>
        {query.data.suggestions.length === 0 ? (
          <p className="text-sm text-muted">No recurring kind yet.</p>
        ) : (
          <ul className="grid gap-2" aria-label="Promotion suggestions">
            {query.data.suggestions.map((suggestion) => (
              <li key={suggestion.kind} className="rounded-md border border-border p-2 text-sm">
                <p>{describeParameters(suggestion.parameters)}</p>
                <p className="text-xs text-muted">
                  {suggestion.passes} verified CAB changes: #{suggestion.changeNumbers.join(", #")}
                </p>
                {viewer.canPropose && (
                  <Button className="mt-2" size="sm" variant="secondary" onClick={() => promote(suggestion)} disabled={propose.isPending}>
                    Propose as template
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
