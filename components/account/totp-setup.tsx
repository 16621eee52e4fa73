"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { ApiRequestError } from "@/lib/api/client";
import { useConfirmTotp } from "@/lib/mfa/queries";
import type { TTotpEnrolment } from "@/lib/mfa/schemas";

/** Scan (or type) the secret, then prove it works with a code; recovery codes come back on success. */
export function TotpSetup({
  enrolment,
  onEnabled,
  onCancel,
}: {
  enrolment: TTotpEnrolment;
  onEnabled: (recoveryCodes: string[] | null) => void;
  onCancel: () => void;
}) {
  const confirm = useConfirmTotp();
  const [error, setError] = useState<string>();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "");
    setError(undefined);
    confirm.mutate(code, {
      onSuccess: (result) => onEnabled(result.recoveryCodes),
      onError: (failure) =>
        setError(failure instanceof ApiRequestError ? (failure.fieldMessages().code ?? failure.message) : "Confirming failed."),
    });
  }

  return (
    <div className="flex flex-col gap-4 rounded-md border border-border p-4">
      <ol className="flex list-decimal flex-col gap-3 pl-5 text-sm">
        <li>
          Scan this QR code with your authenticator app.
          {/* A data: URL made on the server; next/image would only add a round trip. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img
            src={enrolment.qrCodeDataUrl}
            alt="QR code for your authenticator app"
            width={200}
            height={200}
            className="mt-2 rounded bg-white p-1"
          />
        </li>
        <li>
          Or type this key into the app:{" "}
          <code data-testid="totp-secret" className="select-all break-all rounded bg-surface-2 px-1 font-mono">
            {enrolment.secret}
          </code>
        </li>
        <li>Enter the 6-digit code the app shows.</li>
      </ol>
      <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate>
        <Field label="Code from the app" error={error}>
          {(props) => <Input {...props} name="code" inputMode="numeric" autoComplete="one-time-code" required className="max-w-40" />}
        </Field>
        <div className="flex gap-2">
          <Button type="submit" disabled={confirm.isPending}>
            {confirm.isPending ? "Checking…" : "Turn on"}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        </div>
      </form>
    </div>
  );
}
