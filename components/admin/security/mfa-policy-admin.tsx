"use client";

import { toast } from "sonner";
import { Badge, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { QueryStates } from "@/components/ui/query-state";
import { formatRole } from "@/lib/ui/labels";
import { useMfaPolicies, useSetMfaPolicy } from "@/lib/mfa/queries";

/** Which roles must sign in with a second factor; a change applies from each person's next sign-in. */
export function MfaPolicyAdmin() {
  const policies = useMfaPolicies();
  const setPolicy = useSetMfaPolicy();

  return (
    <>
      <PageHeader
        title="Sign-in security"
        description="Roles that must use a second factor. People in such a role who have none are taken to set one up at their next sign-in. Single sign-on counts when the provider reports a second factor."
      />
      <QueryStates query={policies} loading="Loading the policy…" failed="The policy could not be loaded">
        {(data) => (
          <Table aria-label="Second factor required per role">
            <thead>
              <tr>
                <Th>Role</Th>
                <Th>Second factor required</Th>
                <Th>Source</Th>
              </tr>
            </thead>
            <tbody>
              {data.map((policy) => (
                <tr key={policy.role}>
                  <Td>{formatRole(policy.role)}</Td>
                  <Td>
                    <label className="inline-flex items-center gap-2 text-sm">
                      <input
                        type="checkbox"
                        checked={policy.required}
                        disabled={setPolicy.isPending}
                        onChange={(event) =>
                          setPolicy.mutate(
                            { role: policy.role, required: event.target.checked },
                            {
                              onSuccess: () =>
                                toast.success(
                                  `${formatRole(policy.role)}: second factor ${event.target.checked ? "required" : "optional"}`,
                                ),
                              onError: (error) => toast.error(error.message),
                            },
                          )
                        }
                      />
                      <span className="sr-only">Require a second factor for {formatRole(policy.role)}</span>
                      {policy.required ? "Required" : "Optional"}
                    </label>
                  </Td>
                  <Td>
                    <Badge>{policy.isDefault ? "Default" : "Set by an administrator"}</Badge>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </QueryStates>
    </>
  );
}
