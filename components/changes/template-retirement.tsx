"use client";

import { useState, type FormEvent } from "react";
import { useRetireTemplate } from "@/lib/change-policy/queries";
import type { TTemplate } from "@/lib/change-policy/templates-service";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";

const STATUS_TEXT: Record<TTemplate["status"], string> = {
  PROPOSED: "Proposed",
  ACTIVE: "Active",
  SUSPENDED: "Suspended",
  RETIRED: "Retired",
};

export function templateStatusText(status: TTemplate["status"]): string {
  return STATUS_TEXT[status];
}

/**
 * Retiring a template is a joint decision: one person of each team gives a reason; the second
 * team's approval retires it. Suspended templates wait here for both teams.
 */
export function TemplateRetirement({ template, viewer }: { template: TTemplate; viewer: { team: string; canApprove: boolean } }) {
  const [reason, setReason] = useState("");
  const retire = useRetireTemplate();
  const teamDone = template.retirementApprovals.some((approval) => approval.team === viewer.team);
  const canAct =
    (template.status === "ACTIVE" || template.status === "SUSPENDED") &&
    viewer.canApprove &&
    !teamDone &&
    (viewer.team === "NETOPS" || viewer.team === "SECOPS");

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    retire.mutate({ id: template.id, reason }, { onSuccess: () => setReason("") });
  }

  return (
    <div className="mt-2 space-y-1 text-xs">
      <p className="text-muted">
        Suspended automatically after {template.failureThreshold} rolled-back {template.failureThreshold === 1 ? "change" : "changes"}.
        {template.retirementApprovals.length > 0 &&
          ` Retirement approved by ${template.retirementApprovals.map((approval) => `${approval.name} (“${approval.reason}”)`).join(", ")}; the other team must agree.`}
      </p>
      {canAct && (
        <form onSubmit={onSubmit} className="flex flex-wrap items-center gap-2">
          <Input
            aria-label={`Reason to retire ${template.name}`}
            placeholder="Why retire it?"
            className="h-8 max-w-xs"
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
          <Button type="submit" size="sm" variant="secondary" disabled={retire.isPending || reason.trim().length < 3}>
            {template.retirementApprovals.length > 0 ? "Agree to retire" : "Propose retirement"}
          </Button>
        </form>
      )}
    </div>
  );
}
