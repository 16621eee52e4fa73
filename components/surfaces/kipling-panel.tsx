"use client";

import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { CountedInput } from "@/components/ui/counted-field";
import { formErrorsOf } from "@/lib/api/client";
import { useDeleteStatement, useSaveStatement, useStatements } from "@/lib/surfaces/queries";
import type { TKipling, TKiplingInput } from "@/lib/surfaces/schemas";

const QUESTIONS: Array<{ key: keyof TKiplingInput; label: string; hint: string }> = [
  { key: "who", label: "Who", hint: "The identity asserted: user group, service account, workload" },
  { key: "what", label: "What", hint: "The application or resource reached" },
  { key: "when", label: "When", hint: "Always, a schedule, or a window" },
  { key: "where", label: "Where", hint: "From where: zone, network, location" },
  { key: "why", label: "Why", hint: "The business reason" },
  { key: "how", label: "How", hint: "Protocol, port, encryption, authentication" },
];

const EMPTY: TKiplingInput = { who: "", what: "", when: "", where: "", why: "", how: "" };

function StatementForm({ surfaceId, statement, onDone }: { surfaceId: string; statement?: TKipling; onDone: () => void }) {
  const [value, setValue] = useState<TKiplingInput>(statement ? { ...statement } : EMPTY);
  const save = useSaveStatement(surfaceId);
  const fieldErrors = save.error
    ? formErrorsOf(save.error, "field", Object.fromEntries(QUESTIONS.map((question) => [question.key, question.label])))
    : {};
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ statementId: statement?.id, input: value }, { onSuccess: onDone, onError: (error) => toast.error(error.message) });
  }
  return (
    <form
      onSubmit={submit}
      className="grid gap-3 rounded-md border border-border p-3 md:grid-cols-2"
      aria-label={statement ? "Edit statement" : "New statement"}
    >
      {QUESTIONS.map((question) => (
        <Field key={question.key} label={question.label} hint={question.hint} error={fieldErrors[question.key]}>
          {(props) => (
            <CountedInput
              {...props}
              value={value[question.key]}
              max={1000}
              onChange={(event) => setValue({ ...value, [question.key]: event.target.value })}
            />
          )}
        </Field>
      ))}
      <div className="flex gap-2 md:col-span-2">
        <Button type="submit" size="sm" disabled={save.isPending}>
          {statement ? "Save statement" : "Add statement"}
        </Button>
        <Button size="sm" variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** Allowed access in words both teams agree on: the method's six questions. */
export function KiplingPanel({ surfaceId, canWrite }: { surfaceId: string; canWrite: boolean }) {
  const statements = useStatements(surfaceId);
  const remove = useDeleteStatement(surfaceId);
  const [editing, setEditing] = useState<string | "new" | null>(null);
  return (
    <Card aria-labelledby="kipling-heading" className="flex flex-col gap-3">
      <div className="flex items-center justify-between gap-2">
        <h2 id="kipling-heading" className="text-base font-semibold">
          Kipling policy statements
        </h2>
        {canWrite && editing === null && (
          <Button size="sm" variant="secondary" onClick={() => setEditing("new")}>
            Add statement
          </Button>
        )}
      </div>
      {statements.isError && (
        <p role="alert" className="text-sm text-danger">
          Statements could not be loaded: {statements.error.message}
        </p>
      )}
      {statements.isPending && <p className="text-sm text-muted">Loading statements…</p>}
      {statements.data?.length === 0 && editing !== "new" && (
        <p className="text-sm text-muted">No statements yet: describe who may reach what, when, where, why and how.</p>
      )}
      {editing === "new" && <StatementForm surfaceId={surfaceId} onDone={() => setEditing(null)} />}
      <ul className="flex flex-col gap-2">
        {statements.data?.map((statement) =>
          editing === statement.id ? (
            <li key={statement.id}>
              <StatementForm surfaceId={surfaceId} statement={statement} onDone={() => setEditing(null)} />
            </li>
          ) : (
            <li key={statement.id} className="rounded-md border border-border p-3 text-sm" data-testid="kipling-statement">
              <dl className="grid grid-cols-[4rem_1fr] gap-x-3 gap-y-1">
                {QUESTIONS.map((question) => (
                  <div key={question.key} className="contents">
                    <dt className="font-medium text-muted">{question.label}</dt>
                    <dd>{statement[question.key]}</dd>
                  </div>
                ))}
              </dl>
              {canWrite && (
                <div className="mt-2 flex gap-2">
                  <Button size="sm" variant="ghost" onClick={() => setEditing(statement.id)}>
                    Edit
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    onClick={() => remove.mutate(statement.id, { onError: (error) => toast.error(error.message) })}
                  >
                    Remove
                  </Button>
                </div>
              )}
            </li>
          ),
        )}
      </ul>
    </Card>
  );
}
