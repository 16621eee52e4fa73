"use client";

import { useState } from "react";
import { Check, Copy } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

/** Shows a secret that the server will never return again, with a copy button and a clear warning. */
export function OneTimeSecret({ label, value, note }: { label: string; value: string; note: string }) {
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      toast.success(`${label} copied to the clipboard`);
    } catch {
      toast.error("The browser refused the clipboard: select the text and copy it by hand.");
    }
  }

  return (
    <div className="flex flex-col gap-3">
      <p className="rounded-md border border-warning/40 bg-warning/10 px-3 py-2 text-sm text-fg" role="note">
        <strong className="font-semibold">Shown only once.</strong> {note}
      </p>
      <div className="flex items-center gap-2">
        <code
          aria-label={label}
          data-testid="one-time-secret"
          className="min-w-0 flex-1 select-all break-all rounded-md border border-border bg-surface-2 px-3 py-2 font-mono text-sm"
        >
          {value}
        </code>
        <Button variant="secondary" onClick={() => void copy()} aria-label={`Copy ${label.toLowerCase()}`}>
          {copied ? <Check aria-hidden className="h-4 w-4" /> : <Copy aria-hidden className="h-4 w-4" />}
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
    </div>
  );
}

/** The dialog step that hands over a secret once (a one-time password, a new API token). */
export function OneTimeSecretDialog({
  open,
  title,
  description,
  label,
  value,
  note,
  onClose,
}: {
  open: boolean;
  title: string;
  description: string;
  label: string;
  value: string;
  note: string;
  onClose: () => void;
}) {
  return (
    <Dialog open={open} onOpenChange={(next) => !next && onClose()} title={title} description={description}>
      <OneTimeSecret label={label} value={value} note={note} />
      <div className="mt-6 flex justify-end">
        <Button onClick={onClose}>Done</Button>
      </div>
    </Dialog>
  );
}
