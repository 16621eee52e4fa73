"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { formErrorsOf } from "@/lib/api/client";
import { useScheduleMeeting } from "@/lib/cab/queries";
import { MEETING_TITLE_MAX } from "@/lib/cab/schemas";

/**
 * Schedules a meeting from now on, or enters the record of a meeting already held (marked as such:
 * the only kind that may be dated in the past). Refusals show under the field they concern.
 */
export function ScheduleMeetingForm() {
  const router = useRouter();
  const [draft, setDraft] = useState({ title: "", when: "", pastRecord: false });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useScheduleMeeting();
  return (
    <Card>
      <h2 className="mb-3 font-semibold">Schedule a meeting</h2>
      <form
        className="grid gap-3 sm:grid-cols-3 sm:items-start"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setErrors({});
          const when = new Date(draft.when);
          if (!draft.when || Number.isNaN(when.getTime())) {
            setErrors({ scheduledAt: "Date and time: choose when the meeting is held" });
            return;
          }
          create.mutate(
            { title: draft.title, scheduledAt: when.toISOString(), pastRecord: draft.pastRecord, attendeeIds: [] },
            { onSuccess: (meeting) => router.push(`/cab/${meeting.id}`), onError: (error) => setErrors(formErrorsOf(error)) },
          );
        }}
      >
        <Field label="Title" error={errors.title} hint={`Unique; up to ${MEETING_TITLE_MAX} characters.`}>
          {(props) => (
            <Input
              {...props}
              value={draft.title}
              maxLength={MEETING_TITLE_MAX}
              placeholder="CAB — 14 December"
              onChange={(event) => setDraft({ ...draft, title: event.target.value })}
            />
          )}
        </Field>
        <Field label="Date and time" error={errors.scheduledAt}>
          {(props) => (
            <Input
              {...props}
              type="datetime-local"
              value={draft.when}
              onChange={(event) => setDraft({ ...draft, when: event.target.value })}
            />
          )}
        </Field>
        <div className="flex flex-col gap-2 sm:pt-6">
          <Button type="submit" disabled={create.isPending}>
            {draft.pastRecord ? "Record the meeting" : "Schedule"}
          </Button>
        </div>
        <label className="flex items-start gap-2 text-sm sm:col-span-3">
          <input
            type="checkbox"
            className="mt-0.5"
            checked={draft.pastRecord}
            onChange={(event) => setDraft({ ...draft, pastRecord: event.target.checked })}
          />
          <span>
            Record of a meeting already held
            <span className="block text-xs text-muted">Only a record may be dated in the past; it is marked as such everywhere.</span>
          </span>
        </label>
        {errors.form && (
          <p role="alert" className="text-sm text-danger sm:col-span-3">
            {errors.form}
          </p>
        )}
      </form>
    </Card>
  );
}
