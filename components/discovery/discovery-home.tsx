"use client";

import { useState } from "react";
import { Upload } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/field";
import { ImportDialog } from "./import-dialog";
import { ImportsTable } from "./imports-table";
import { UnmappedQueue } from "./unmapped-queue";

/** The Discovery page: imports, the import dialog and a surface's unmapped queue. */
export function DiscoveryHome({
  surfaces,
  canImport,
  canUndo,
}: {
  surfaces: Array<{ id: string; name: string }>;
  canImport: boolean;
  canUndo: boolean;
}) {
  const [importing, setImporting] = useState(false);
  const [queueSurface, setQueueSurface] = useState(surfaces[0]?.id ?? "");
  return (
    <div className="flex flex-col gap-6">
      {canImport && surfaces.length > 0 && (
        <div>
          <Button onClick={() => setImporting(true)}>
            <Upload aria-hidden className="mr-1 h-4 w-4" /> Import flow logs
          </Button>
          {importing && <ImportDialog open={importing} onOpenChange={setImporting} surfaces={surfaces} />}
        </div>
      )}
      <Card className="p-4">
        <h2 className="mb-3 text-base font-semibold">Imports</h2>
        <ImportsTable canUndo={canUndo} />
      </Card>
      {surfaces.length > 0 && (
        <Card className="p-4">
          <div className="mb-3 flex flex-wrap items-center gap-3">
            <h2 className="text-base font-semibold">Unmapped queue</h2>
            <label className="flex items-center gap-2 text-sm text-muted">
              Surface
              <Select value={queueSurface} onChange={(event) => setQueueSurface(event.target.value)}>
                {surfaces.map((surface) => (
                  <option key={surface.id} value={surface.id}>
                    {surface.name}
                  </option>
                ))}
              </Select>
            </label>
          </div>
          {queueSurface && <UnmappedQueue surfaceId={queueSurface} />}
        </Card>
      )}
    </div>
  );
}
