"use client";

import { useRef, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { Upload } from "lucide-react";
import { Dialog, FormAlert } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import {
  discoveryKeys,
  uploadFlowLog,
  useCancelImport,
  useCsvMapping,
  useImportProgress,
  useSaveCsvMapping,
} from "@/lib/discovery/queries";
import type { TFlowLogFormat } from "@/lib/discovery/records";

const FORMAT_CHOICES: Array<{ value: TFlowLogFormat; label: string }> = [
  { value: "vpc", label: "AWS VPC flow logs" },
  { value: "zeek-tsv", label: "Zeek conn.log (TSV)" },
  { value: "zeek-json", label: "Zeek conn.log (JSON lines)" },
  { value: "hubble", label: "Hubble / Cilium (hubble observe -o json)" },
  { value: "csv", label: "CSV (column mapping)" },
  { value: "azure-nsg", label: "Azure NSG flow logs" },
  { value: "gcp-vpc", label: "GCP VPC flow logs" },
];

type TRunning = { id: string; surfaceId: string; abort: () => void; sent: number; total: number };

function ProgressFigures({ running }: { running: TRunning }) {
  const progress = useImportProgress(running.id, running.surfaceId);
  const lines = progress.data?.linesRead ?? 0;
  // Measured between the import's start and the server's last count, both from the server's answer.
  const seconds = progress.data ? Math.max((progress.dataUpdatedAt - new Date(progress.data.createdAt).getTime()) / 1000, 0.001) : 1;
  const percent = running.total > 0 ? Math.min(100, Math.round((running.sent / running.total) * 100)) : 0;
  return (
    <div className="flex flex-col gap-2" data-testid="import-progress">
      <div
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-2 w-full overflow-hidden rounded bg-surface-2"
      >
        <div className="h-full bg-accent transition-all" style={{ width: `${percent}%` }} />
      </div>
      <p className="text-xs text-muted" aria-live="polite">
        {(running.sent / 1024 / 1024).toFixed(1)} of {(running.total / 1024 / 1024).toFixed(1)} MiB · {lines.toLocaleString("en")} lines ·{" "}
        {Math.round(lines / seconds).toLocaleString("en")} lines/s · {(progress.data?.linesRejected ?? 0).toLocaleString("en")} rejected
      </p>
    </div>
  );
}

/**
 * Import a flow log into a surface's observations: format (with VPC custom fields and the CSV
 * column mapping, remembered per source), the file, a progress bar and Cancel. Opened from the
 * Discovery page and from the map page.
 */
export function ImportDialog({
  open,
  onOpenChange,
  surfaces,
  surfaceId: fixedSurface,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  surfaces: Array<{ id: string; name: string }>;
  surfaceId?: string;
}) {
  const queryClient = useQueryClient();
  const [surfaceId, setSurfaceId] = useState(fixedSurface ?? surfaces[0]?.id ?? "");
  const [format, setFormat] = useState<TFlowLogFormat>("vpc");
  const [source, setSource] = useState("");
  const [fields, setFields] = useState("");
  const [strict, setStrict] = useState(false);
  const [mappingText, setMappingText] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [running, setRunning] = useState<TRunning | null>(null);
  const [message, setMessage] = useState<{ tone: "error" | "done"; text: string } | null>(null);
  const cancel = useCancelImport();
  const saveMapping = useSaveCsvMapping();
  const sourceName = source.trim() || file?.name || "upload";
  const remembered = useCsvMapping(sourceName, open && format === "csv");
  const mappingShown = mappingText ?? (remembered.data?.mapping ? JSON.stringify(remembered.data.mapping, null, 2) : "");
  const lastTick = useRef(0);

  async function start() {
    if (!file || !surfaceId) return;
    setMessage(null);
    if (format === "csv") {
      try {
        const mapping = JSON.parse(mappingShown || "{}") as Record<string, unknown>;
        await saveMapping.mutateAsync({ source: sourceName, mapping });
      } catch (error) {
        setMessage({ tone: "error", text: error instanceof SyntaxError ? "The column mapping must be JSON." : (error as Error).message });
        return;
      }
    }
    const importId = crypto.randomUUID();
    const upload = uploadFlowLog(
      { surfaceId, file, format, source: sourceName, strict, fields: format === "vpc" ? fields : undefined, importId },
      (sent, total) => {
        // A re-render per progress event is plenty at four a second.
        const now = Date.now();
        if (now - lastTick.current < 250 && sent < total) return;
        lastTick.current = now;
        setRunning((current) => (current ? { ...current, sent, total } : current));
      },
    );
    setRunning({ id: importId, surfaceId, abort: upload.abort, sent: 0, total: file.size });
    try {
      const result = await upload.done;
      setMessage({
        tone: "done",
        text: `Imported: ${result.linesAccepted.toLocaleString("en")} lines accepted, ${result.linesRejected.toLocaleString("en")} rejected.`,
      });
    } catch (error) {
      setMessage({ tone: "error", text: (error as Error).message });
    } finally {
      setRunning(null);
      void queryClient.invalidateQueries({ queryKey: discoveryKeys.all });
    }
  }

  function stop() {
    if (!running) return;
    // Marked cancelled first, so the server stops on its own and answers; the upload is then cut.
    cancel
      .mutateAsync(running.id)
      .catch(() => undefined)
      .finally(() => running.abort());
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => (running ? undefined : onOpenChange(next))}
      title="Import flow logs"
      description="Counts per connection and day are kept, never the lines. An import never draws or approves a flow."
      className="max-w-xl"
    >
      <form
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          void start();
        }}
      >
        {!fixedSurface && (
          <Field label="Protect surface">
            {(props) => (
              <Select {...props} value={surfaceId} onChange={(event) => setSurfaceId(event.target.value)} disabled={Boolean(running)}>
                {surfaces.map((surface) => (
                  <option key={surface.id} value={surface.id}>
                    {surface.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        )}
        <Field label="Format">
          {(props) => (
            <Select
              {...props}
              value={format}
              onChange={(event) => setFormat(event.target.value as TFlowLogFormat)}
              disabled={Boolean(running)}
            >
              {FORMAT_CHOICES.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </Select>
          )}
        </Field>
        {format === "vpc" && (
          <Field
            label="Custom VPC fields (optional)"
            hint="For files without a header line: the fields in order, e.g. version vpc-id srcaddr dstaddr dstport protocol start action log-status"
          >
            {(props) => <Input {...props} value={fields} onChange={(event) => setFields(event.target.value)} disabled={Boolean(running)} />}
          </Field>
        )}
        <Field label="Source name" hint="Names where the logs come from; a CSV column mapping is remembered per source.">
          {(props) => (
            <Input
              {...props}
              value={source}
              placeholder={file?.name ?? "upload"}
              onChange={(event) => setSource(event.target.value)}
              disabled={Boolean(running)}
            />
          )}
        </Field>
        {format === "csv" && (
          <Field
            label="CSV column mapping (JSON)"
            hint={
              remembered.data?.updatedAt
                ? `Remembered for ${sourceName} since ${new Date(remembered.data.updatedAt).toLocaleString()}`
                : "Which column holds each field; saved for this source."
            }
          >
            {(props) => (
              <Textarea
                {...props}
                rows={6}
                value={mappingShown}
                onChange={(event) => setMappingText(event.target.value)}
                disabled={Boolean(running)}
              />
            )}
          </Field>
        )}
        <Field label="File" hint="Plain or gzip; read as it uploads, never held whole.">
          {(props) => (
            <Input {...props} type="file" onChange={(event) => setFile(event.target.files?.[0] ?? null)} disabled={Boolean(running)} />
          )}
        </Field>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={strict} onChange={(event) => setStrict(event.target.checked)} disabled={Boolean(running)} />
          Strict: import nothing if any line is rejected
        </label>
        {running && <ProgressFigures running={running} />}
        {message?.tone === "error" && <FormAlert message={message.text} />}
        {message?.tone === "done" && (
          <p role="status" className="text-sm text-success">
            {message.text}
          </p>
        )}
        <div className="flex justify-end gap-2">
          {running ? (
            <Button type="button" variant="secondary" onClick={stop}>
              Cancel import
            </Button>
          ) : (
            <>
              <Button type="button" variant="ghost" onClick={() => onOpenChange(false)}>
                Close
              </Button>
              <Button type="submit" disabled={!file || !surfaceId}>
                <Upload aria-hidden className="mr-1 h-4 w-4" /> Import
              </Button>
            </>
          )}
        </div>
      </form>
    </Dialog>
  );
}
