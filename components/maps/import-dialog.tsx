"use client";

import { memo, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { documentToOperations } from "@/lib/maps/model/document";
import { ApiRequestError } from "@/lib/api/client";
import { useMapImport } from "@/lib/maps/queries";
import type { TMapImportMode } from "@/lib/maps/model/schemas";
import { ModalDialog } from "./panels";

/** Import a map file: nothing is saved unless the whole file is valid; every error is listed with its path. */
const MODES: Array<{ mode: TMapImportMode; label: string; hint: (counts: TMapCounts) => string }> = [
  { mode: "add", label: "Add to this map", hint: () => "The file's nodes and flows are placed beside what is on the map." },
  {
    mode: "replace",
    label: "Replace this map",
    hint: ({ nodes, edges }) =>
      `The ${nodes} ${nodes === 1 ? "node" : "nodes"} and ${edges} ${edges === 1 ? "flow" : "flows"} on the map now are removed in the same edit; the history panel still shows the map as it was.`,
  },
];

type TMapCounts = { nodes: number; edges: number };

export const ImportDialog = memo(function ImportDialog({
  surfaceId,
  counts,
  open,
  onOpenChange,
}: {
  surfaceId: string;
  counts: TMapCounts;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const importMap = useMapImport(surfaceId);
  const [mode, setMode] = useState<TMapImportMode>("add");
  const [errors, setErrors] = useState<Array<{ path: string; message: string }>>([]);
  const [fileName, setFileName] = useState<string | null>(null);

  const handleFile = async (file: File) => {
    setFileName(file.name);
    setErrors([]);
    let document: unknown;
    try {
      document = JSON.parse(await file.text());
    } catch {
      setErrors([{ path: "(file)", message: "is not valid JSON" }]);
      return;
    }
    // The same checks as the server, first here: a malformed file never leaves the browser.
    const checked = documentToOperations(document, () => crypto.randomUUID());
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    try {
      const result = await importMap.mutateAsync({ document, mode });
      toast.success(
        `${mode === "replace" ? "Replaced the map with" : "Imported"} ${result.nodes.length} nodes and ${result.edges.length} flows.`,
      );
      onOpenChange(false);
    } catch (error) {
      if (error instanceof ApiRequestError && error.fields.length) setErrors(error.fields);
      else setErrors([{ path: "(file)", message: error instanceof Error ? error.message : "could not be imported" }]);
    }
  };

  return (
    <ModalDialog
      open={open}
      onOpenChange={(next) => {
        onOpenChange(next);
        if (!next) setErrors([]);
      }}
      title="Import a map file"
      description="The file is checked first: if anything is wrong, nothing is saved."
      wide
    >
      <fieldset className="mb-4">
        <legend className="text-sm font-medium">What the file does</legend>
        <div className="mt-2 space-y-2">
          {MODES.map((option) => (
            <label key={option.mode} className="flex items-start gap-2 text-sm">
              <input
                type="radio"
                name="map-import-mode"
                value={option.mode}
                checked={mode === option.mode}
                onChange={() => setMode(option.mode)}
                className="mt-1"
              />
              <span>
                <span className="font-medium">{option.label}</span>
                <span className="block text-muted">{option.hint(counts)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <label className="block text-sm font-medium" htmlFor="map-import-file">
        JSON file exported from Concord
      </label>
      <input
        id="map-import-file"
        type="file"
        accept="application/json,.json"
        className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border file:border-border file:bg-surface-2 file:px-3 file:py-1.5 file:text-sm"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void handleFile(file);
          event.target.value = "";
        }}
      />
      {importMap.isPending && <p className="mt-3 text-sm text-muted">Checking {fileName}…</p>}
      {errors.length > 0 && (
        <div role="alert" className="mt-4 rounded-md border border-danger/40 p-3" data-testid="import-errors">
          <p className="text-sm font-semibold text-danger">
            {fileName ?? "The file"} was not imported: {errors.length} {errors.length === 1 ? "problem" : "problems"}. Nothing was changed.
          </p>
          <ul className="mt-2 max-h-64 space-y-1 overflow-y-auto text-sm">
            {errors.map((error) => (
              <li key={`${error.path}-${error.message}`}>
                <code className="rounded bg-surface-2 px-1 text-xs">{error.path}</code> {error.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="mt-4 flex justify-end">
        <Button variant="secondary" onClick={() => onOpenChange(false)}>
          Close
        </Button>
      </div>
    </ModalDialog>
  );
});
