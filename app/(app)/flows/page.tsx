import Link from "next/link";
import { AlertTriangle } from "lucide-react";
import { requireActor } from "@/lib/auth/current";
import { pageContext } from "@/lib/auth/page";
import { getProgramMap, parseProgramFilter } from "@/lib/maps/program";
import { STATUS_LABELS } from "@/lib/maps/model/appearance";
import { CLASSIFICATIONS, ENCRYPTIONS, FLOW_STATUSES, PROTOCOLS, type TFlowStatus } from "@/lib/maps/model/schemas";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { Button } from "@/components/ui/button";
import { LabelledSelect } from "@/components/ui/labelled-select";
import { ProgramMap } from "@/components/maps/program-map";
import { labelOf } from "@/lib/ui/labels";

export const metadata = { title: "Flows" };

const selectClass = "h-9 rounded-md border border-border bg-surface px-2 text-sm text-fg";
const encryptionLabel: Record<string, string> = { NONE: "None", TLS: "TLS", MTLS: "mTLS" };
const statusTone = { OBSERVED: "neutral", PROPOSED: "accent", APPROVED: "success", DENIED: "danger" } as const;

export default async function FlowsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("map.read");
  const { filter, ignored } = parseProgramFilter(await searchParams);
  const program = await getProgramMap(pageContext(actor), filter);
  const filtered = Object.keys(filter).length > 0;
  const surfaces = program.maps.map((map) => map.surface);
  return (
    <>
      <PageHeader
        title="Flows"
        description="Every protect surface's transaction flows on one canvas. Filter to drill down; the table lists the flows that match."
      />
      <Card className="mb-4">
        <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter flows">
          <LabelledSelect
            variant="filter"
            placeholder="Any"
            name="status"
            label="Status"
            defaultValue={filter.status ?? ""}
            options={FLOW_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }))}
          />
          <LabelledSelect
            variant="filter"
            placeholder="Any"
            name="encryption"
            label="Encryption"
            defaultValue={filter.encryption ?? ""}
            options={ENCRYPTIONS.map((value) => ({ value, label: encryptionLabel[value]! }))}
          />
          <LabelledSelect
            variant="filter"
            placeholder="Any"
            name="classification"
            label="Surface classification"
            defaultValue={filter.classification ?? ""}
            options={CLASSIFICATIONS.map((value) => ({ value, label: value.charAt(0) + value.slice(1).toLowerCase() }))}
          />
          <LabelledSelect
            variant="filter"
            placeholder="Any"
            name="protocol"
            label="Protocol"
            defaultValue={filter.protocol ?? ""}
            options={PROTOCOLS.map((value) => ({ value, label: labelOf(value) }))}
          />
          <LabelledSelect
            variant="filter"
            placeholder="Any"
            name="warning"
            label="Warning"
            defaultValue={filter.warning ?? ""}
            options={[
              { value: "unencrypted-sensitive", label: "Cleartext into confidential data" },
              { value: "approved-unjustified", label: "Approved without justification" },
            ]}
          />
          {surfaces.length > 0 && (
            <LabelledSelect
              variant="filter"
              placeholder="Any"
              name="surface"
              label="Surface"
              defaultValue={filter.surface ?? ""}
              options={surfaces.map((surface) => ({ value: surface.id, label: surface.name }))}
            />
          )}
          <label className="flex flex-col gap-1 text-xs font-medium text-muted">
            Search
            <input name="q" defaultValue={filter.q ?? ""} className={selectClass} placeholder="Label, port, reason" />
          </label>
          <Button type="submit" size="md">
            Apply
          </Button>
          {filtered && (
            <Link href="/flows" className="h-9 content-center text-sm text-accent underline">
              Clear filters
            </Link>
          )}
        </form>
        {ignored.length > 0 && (
          <p role="status" className="mt-2 text-xs text-warning">
            Ignored filters with values Concord does not know: {ignored.join(", ")}.
          </p>
        )}
      </Card>
      {program.maps.length === 0 ? (
        <EmptyState
          title="No flow maps yet"
          description="Open a protect surface and map its flows; they all appear here together."
          action={
            <Link className="text-accent underline" href="/surfaces">
              Protect surfaces
            </Link>
          }
        />
      ) : (
        <>
          <ProgramMap maps={program.maps} matchingIds={program.flows.map((flow) => flow.id)} filtered={filtered} />
          <section aria-labelledby="matching-flows" className="mt-6">
            <h2 id="matching-flows" className="mb-2 text-lg font-semibold">
              {filtered ? `${program.flows.length} matching flows` : `All ${program.flows.length} flows`}{" "}
              <span className="text-sm font-normal text-muted">of {program.totalFlows}</span>
            </h2>
            {program.flows.length === 0 ? (
              <EmptyState title="No flow matches these filters" description="Loosen a filter or clear them all." />
            ) : (
              <Table data-testid="flows-table">
                <thead>
                  <tr>
                    <Th>Surface</Th>
                    <Th>Flow</Th>
                    <Th>Protocol</Th>
                    <Th>Encryption</Th>
                    <Th>Status</Th>
                    <Th>Justification</Th>
                  </tr>
                </thead>
                <tbody>
                  {program.flows.map((flow) => (
                    <tr key={flow.id}>
                      <Td>
                        <Link href={`/surfaces/${flow.surface.id}/map`} className="text-accent underline">
                          {flow.surface.name}
                        </Link>
                        <span className="block text-xs text-muted">{flow.surface.classification.toLowerCase()}</span>
                      </Td>
                      <Td>
                        {flow.source} → {flow.target}
                        {flow.warnings.map((warning) => (
                          <span key={warning.code} className="mt-1 flex items-center gap-1 text-xs text-warning">
                            <AlertTriangle aria-hidden className="h-3 w-3" /> {warning.message}
                          </span>
                        ))}
                      </Td>
                      <Td className="whitespace-nowrap">
                        {labelOf(flow.protocol)} {flow.ports} <span className="text-muted">{flow.appProtocol}</span>
                      </Td>
                      <Td>{encryptionLabel[flow.encryption]}</Td>
                      <Td>
                        <Badge tone={statusTone[flow.status as TFlowStatus]}>{STATUS_LABELS[flow.status as TFlowStatus]}</Badge>
                      </Td>
                      <Td className="max-w-xs">{flow.justification || <span className="text-muted">None given</span>}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </section>
        </>
      )}
    </>
  );
}
