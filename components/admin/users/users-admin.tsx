"use client";

import { useEffect, useState } from "react";
import { UserPlus } from "lucide-react";
import type { Role } from "@/lib/db/generated/enums.ts";
import type { TUserListQuery } from "@/lib/users/schemas";
import { useUsers } from "@/lib/users/queries";
import { Button } from "@/components/ui/button";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { Table, Td, Th } from "@/components/ui/table";
import { TeamBadge } from "@/components/shell/team-badge";
import { PERSON_TEAMS, TEAM_LABELS, formatRole, type TPersonTeam as Team } from "@/lib/ui/labels";
import { formatAgo, formatUtc } from "@/components/ui/format";
import { ALL_ROLES } from "./role-checkboxes";
import { CreateUserDialog } from "./user-form-dialog";
import { UserActions } from "./user-actions";
import { QueryStates } from "@/components/ui/query-state";

/** The value once it has stopped changing for `delayMs`, so typing does not send a request per key. */
function useDebounced<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

const COLUMNS = ["User", "Team", "Roles", "Status", "Last sign-in", "Open sessions"] as const;

export function UsersAdmin({ actorId }: { actorId: string }) {
  const [search, setSearch] = useState("");
  const [team, setTeam] = useState<Team | "">("");
  const [role, setRole] = useState<Role | "">("");
  const [status, setStatus] = useState<"ACTIVE" | "DISABLED" | "">("");
  const [creating, setCreating] = useState(false);
  const q = useDebounced(search.trim(), 250);
  const filters: TUserListQuery = { q: q || undefined, team: team || undefined, role: role || undefined, status: status || undefined };
  const filtered = Boolean(filters.q || filters.team || filters.role || filters.status);
  const users = useUsers(filters);

  function clearFilters() {
    setSearch("");
    setTeam("");
    setRole("");
    setStatus("");
  }

  return (
    <>
      <PageHeader
        title="Users"
        description="Who can sign in, on which team, with which roles. Changes apply on each person's next request."
        actions={
          <Button onClick={() => setCreating(true)}>
            <UserPlus aria-hidden className="h-4 w-4" /> Create or invite user
          </Button>
        }
      />
      <form
        role="search"
        aria-label="Filter users"
        className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr]"
        onSubmit={(event) => event.preventDefault()}
      >
        <Field label="Search">
          {(props) => (
            <Input
              {...props}
              type="search"
              placeholder="Name or email"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
            />
          )}
        </Field>
        <Field label="Team">
          {(props) => (
            <Select {...props} value={team} onChange={(event) => setTeam(event.target.value as Team | "")}>
              <option value="">All teams</option>
              {PERSON_TEAMS.map((value) => (
                <option key={value} value={value}>
                  {TEAM_LABELS[value]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Role">
          {(props) => (
            <Select {...props} value={role} onChange={(event) => setRole(event.target.value as Role | "")}>
              <option value="">All roles</option>
              {ALL_ROLES.map((value) => (
                <option key={value} value={value}>
                  {formatRole(value)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Status">
          {(props) => (
            <Select {...props} value={status} onChange={(event) => setStatus(event.target.value as "ACTIVE" | "DISABLED" | "")}>
              <option value="">Any status</option>
              <option value="ACTIVE">Active</option>
              <option value="DISABLED">Disabled</option>
            </Select>
          )}
        </Field>
      </form>

      <QueryStates query={users} loading="Loading users…" failed="The users could not be loaded">
        {(loaded) =>
          loaded.length === 0 ? (
            <EmptyState
              title={filtered ? "No user matches these filters" : "No users yet"}
              description={filtered ? "Try another name, or clear the filters." : "Invite the first person to Concord."}
              action={
                filtered ? (
                  <Button variant="secondary" onClick={clearFilters}>
                    Clear filters
                  </Button>
                ) : undefined
              }
            />
          ) : (
            <Table aria-label="Users" aria-busy={users.isFetching}>
              <thead>
                <tr>
                  {COLUMNS.map((column) => (
                    <Th key={column}>{column}</Th>
                  ))}
                  <Th>
                    <span className="sr-only">Actions</span>
                  </Th>
                </tr>
              </thead>
              <tbody>
                {loaded.map((user) => (
                  <tr
                    key={user.id}
                    data-testid={`user-row-${user.email}`}
                    className={user.status === "DISABLED" ? "text-muted" : undefined}
                  >
                    <Td>
                      <div className="font-medium text-fg">
                        {user.name}
                        {user.id === actorId && <span className="ml-2 text-xs font-normal text-muted">(you)</span>}
                      </div>
                      <div className="text-xs text-muted">{user.email}</div>
                    </Td>
                    <Td>
                      <TeamBadge team={user.team} />
                    </Td>
                    <Td>
                      <div className="flex flex-wrap gap-1">
                        {user.roles.map((value) => (
                          <span key={value} className="whitespace-nowrap rounded bg-surface-2 px-1.5 py-0.5 text-xs text-fg">
                            {formatRole(value)}
                          </span>
                        ))}
                      </div>
                    </Td>
                    <Td>
                      <Badge tone={user.status === "ACTIVE" ? "success" : "danger"}>
                        {user.status === "ACTIVE" ? "Active" : "Disabled"}
                      </Badge>
                    </Td>
                    <Td className="whitespace-nowrap">
                      {user.lastLoginAt ? (
                        <time dateTime={user.lastLoginAt} title={formatUtc(user.lastLoginAt)}>
                          {formatAgo(user.lastLoginAt)}
                        </time>
                      ) : (
                        <span className="text-muted">Never</span>
                      )}
                    </Td>
                    <Td className="tabular-nums">{user.activeSessions}</Td>
                    <Td className="text-right">
                      <UserActions user={user} isSelf={user.id === actorId} />
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )
        }
      </QueryStates>
      <CreateUserDialog open={creating} onOpenChange={setCreating} />
    </>
  );
}
