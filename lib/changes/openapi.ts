import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { operation } from "@/lib/api/openapi";
import { ZCalendarRange } from "@/lib/change-policy/schemas";
import { ZPickableFlowsQuery } from "./flows";
import { ZChangeIdParams, ZChangeListQuery, ZCreateChange, ZTransitionInput, ZUpdateChange, ZVoteInput } from "./schemas";

const ZObject = z.record(z.string(), z.unknown());
const changes = "Changes";

/** The change operations; rules, templates and blackouts are in change-policy, meetings in cab. */
export const changePaths: ZodOpenApiPathsObject = {
  "/api/v1/changes": {
    get: operation({
      summary: "List changes (filters, pagination)",
      tag: changes,
      permission: "change.read",
      query: ZChangeListQuery,
      response: ZObject,
    }),
    post: operation({
      summary: "Create a draft change with its flow operations",
      tag: changes,
      permission: "change.write",
      body: ZCreateChange,
      response: ZObject,
      status: 201,
      conflicts: true,
    }),
  },
  "/api/v1/changes/calendar": {
    get: operation({
      summary: "Changes with a window and blackout windows overlapping a range",
      tag: changes,
      permission: "change.read",
      query: ZCalendarRange,
      response: ZObject,
    }),
  },
  "/api/v1/changes/pickable-flows": {
    get: operation({
      summary: "Flows of the named surfaces that a change may touch",
      tag: changes,
      permission: "change.read",
      query: ZPickableFlowsQuery,
      response: ZObject,
    }),
  },
  "/api/v1/changes/{id}": {
    get: operation({
      summary: "A change with classification, approvals, transitions and window conflicts",
      tag: changes,
      permission: "change.read",
      params: ZChangeIdParams,
      response: ZObject,
    }),
    patch: operation({
      summary: "Edit a change (voids earlier approvals)",
      tag: changes,
      permission: "change.write",
      params: ZChangeIdParams,
      body: ZUpdateChange,
      response: ZObject,
      conflicts: true,
    }),
  },
  "/api/v1/changes/{id}/submit": {
    post: operation({
      summary: "Submit: classify and route to pre-approval, CAB or emergency",
      tag: changes,
      permission: "change.write",
      params: ZChangeIdParams,
      response: ZObject,
      conflicts: true,
    }),
  },
  "/api/v1/changes/{id}/approvals": {
    post: operation({
      summary: "Vote on a change (segregation of duties enforced). Refused (403) for API tokens",
      tag: changes,
      permission: "change.approve",
      params: ZChangeIdParams,
      body: ZVoteInput,
      response: ZObject,
      conflicts: true,
    }),
  },
  "/api/v1/changes/{id}/transitions": {
    post: operation({
      summary:
        "Schedule, implement, verify (applies flows: the change approves them), roll back (may suspend the change's template), close, send back. Verify is refused (403) for API tokens",
      tag: changes,
      permission: "change.read",
      params: ZChangeIdParams,
      body: ZTransitionInput,
      response: ZObject,
      conflicts: true,
    }),
  },
};
