"use client";

import { Copy, Download } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";

/** Copy one generated file to the clipboard, or save it on its own. */
export function PolicyFileActions({ path, content }: { path: string; content: string }) {
  const name = path.split("/").at(-1) ?? path;
  return (
    <div className="flex gap-2">
      <Button
        size="sm"
        variant="secondary"
        aria-label={`Copy ${name}`}
        onClick={() =>
          navigator.clipboard.writeText(content).then(
            () => toast.success(`Copied ${name}`),
            () => toast.error("The browser refused the clipboard; use Download instead."),
          )
        }
      >
        <Copy aria-hidden className="h-4 w-4" /> Copy
      </Button>
      <Button
        size="sm"
        variant="secondary"
        aria-label={`Download ${name}`}
        onClick={() => {
          const url = URL.createObjectURL(new Blob([content], { type: "text/plain;charset=utf-8" }));
          const link = Object.assign(document.createElement("a"), { href: url, download: name });
          link.click();
          URL.revokeObjectURL(url);
        }}
      >
        <Download aria-hidden className="h-4 w-4" /> Download
      </Button>
    </div>
  );
}
