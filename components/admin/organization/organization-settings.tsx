"use client";

import { useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { QueryStates } from "@/components/ui/query-state";
import { formErrorsOf } from "@/lib/api/client";
import { useOrganizationSettings, useUpdateOrganizationSettings } from "@/lib/organization/queries";
import { knownTimeZones } from "@/lib/organization/time-zone";

// The browser's own list of zones (the server's may differ): read after hydration, so both render the same first.
let browserZones: string[] | null = null;
const NO_ZONES: string[] = [];
const noSubscription = () => () => undefined;
const readBrowserZones = () => (browserZones ??= knownTimeZones());

function TimeZoneForm({ current }: { current: string }) {
  const [timeZone, setTimeZone] = useState(current);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const update = useUpdateOrganizationSettings();
  const zones = useSyncExternalStore(noSubscription, readBrowserZones, () => NO_ZONES);
  return (
    <form
      className="grid max-w-xl gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        setErrors({});
        update.mutate({ timeZone }, { onError: (error) => setErrors(formErrorsOf(error)) });
      }}
    >
      <Field
        label="Time zone"
        hint="An IANA zone, such as Europe/Berlin. CAB minutes and meeting times are written in it, with the zone named."
        error={errors.timeZone}
      >
        {(props) => <Input {...props} list="known-time-zones" value={timeZone} onChange={(event) => setTimeZone(event.target.value)} />}
      </Field>
      <datalist id="known-time-zones">
        {zones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      {errors.form && (
        <p role="alert" className="text-sm text-danger">
          {errors.form}
        </p>
      )}
      <div>
        <Button type="submit" disabled={update.isPending || timeZone.trim() === current}>
          Save time zone
        </Button>
      </div>
    </form>
  );
}

/** The organization's settings: for now the time zone every printed record gives its times in. */
export function OrganizationSettingsAdmin() {
  const settings = useOrganizationSettings();
  return (
    <>
      <PageHeader title="Organization" description="Settings that apply to everyone in Concord." />
      <Card>
        <QueryStates query={settings} loading="Loading the settings…" failed="The settings could not be loaded">
          {(data) => <TimeZoneForm key={data.timeZone} current={data.timeZone} />}
        </QueryStates>
      </Card>
    </>
  );
}
