"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { CountedInput } from "@/components/ui/counted-field";
import { formErrorsOf } from "@/lib/api/client";
import { useCreateAssessment } from "@/lib/maturity/queries";

type TPerson = { id: string; name: string };

/** Starts a dated assessment; targets and evidence carry over from the one before it. */
export function NewAssessmentForm({ candidates }: { candidates: { netops: TPerson[]; secops: TPerson[] } }) {
  const router = useRouter();
  const create = useCreateAssessment();
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <form
      className="grid gap-3 rounded-lg border border-border bg-surface p-4 sm:grid-cols-2"
      onSubmit={async (event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        setErrors({});
        try {
          const created = await create.mutateAsync({
            title: String(form.get("title") ?? ""),
            assessedOn: String(form.get("assessedOn") ?? ""),
            netopsAssessorId: String(form.get("netopsAssessorId") ?? ""),
            secopsAssessorId: String(form.get("secopsAssessorId") ?? ""),
          });
          toast.success("Assessment started");
          router.push(`/maturity/${created.id}`);
        } catch (error) {
          setErrors(formErrorsOf(error));
          toast.error(error instanceof Error ? error.message : "Could not start the assessment.");
        }
      }}
    >
      <Field label="Title" error={errors.title} className="sm:col-span-2">
        {(props) => <CountedInput {...props} name="title" required minLength={3} max={160} />}
      </Field>
      <Field label="Assessed on" error={errors.assessedOn}>
        {(props) => <Input {...props} name="assessedOn" type="date" required defaultValue={new Date().toISOString().slice(0, 10)} />}
      </Field>
      <span />
      <Field label="NetOps assessor" error={errors.netopsAssessorId}>
        {(props) => (
          <Select {...props} name="netopsAssessorId" required>
            {candidates.netops.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="SecOps assessor" error={errors.secopsAssessorId}>
        {(props) => (
          <Select {...props} name="secopsAssessorId" required>
            {candidates.secops.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={create.isPending}>
          Start assessment
        </Button>
      </div>
    </form>
  );
}
