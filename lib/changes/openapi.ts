import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { operation } from "@/lib/api/openapi";
import { ZCabReview, ZCreateMeeting, ZMeetingAction, ZMeetingParams } from "@/lib/cab/schemas";
import { ZBlackoutInput, ZCalendarRange, ZRuleProposal, ZRuleRetirement, ZRuleSetReplay, ZTemplateProposal, ZTemplateRetirement } from "@/lib/change-policy/schemas";
import { ZIdParams } from "@/lib/users/schemas";
import { ZPickableFlowsQuery } from "./flows";
import { ZChangeIdParams, ZChangeListQuery, ZCreateChange, ZTransitionInput, ZUpdateChange, ZVoteInput } from "./schemas";

const ZObject = z.record(z.string(), z.unknown());
const changes = "Changes";
const rules = "Rules and templates";
const cab = "CAB";

/** The change, rule, template, blackout and CAB operations. */
export const changePaths: ZodOpenApiPathsObject = {
  "/api/v1/changes": {
    get: operation({ summary: "List changes (filters, pagination)", tag: changes, permission: "change.read", query: ZChangeListQuery, response: ZObject }),
    post: operation({ summary: "Create a draft change with its flow operations", tag: changes, permission: "change.write", body: ZCreateChange, response: ZObject, status: 201, conflicts: true }),
  },
  "/api/v1/changes/calendar": {
    get: operation({ summary: "Changes with a window and blackout windows overlapping a range", tag: changes, permission: "change.read", query: ZCalendarRange, response: ZObject }),
  },
  "/api/v1/changes/pickable-flows": {
    get: operation({ summary: "Flows of the named surfaces that a change may touch", tag: changes, permission: "change.read", query: ZPickableFlowsQuery, response: ZObject }),
  },
  "/api/v1/changes/{id}": {
    get: operation({ summary: "A change with classification, approvals, transitions and window conflicts", tag: changes, permission: "change.read", params: ZChangeIdParams, response: ZObject }),
    patch: operation({ summary: "Edit a change (voids earlier approvals)", tag: changes, permission: "change.write", params: ZChangeIdParams, body: ZUpdateChange, response: ZObject, conflicts: true }),
  },
  "/api/v1/changes/{id}/submit": {
    post: operation({ summary: "Submit: classify and route to pre-approval, CAB or emergency", tag: changes, permission: "change.write", params: ZChangeIdParams, response: ZObject, conflicts: true }),
  },
  "/api/v1/changes/{id}/approvals": {
    post: operation({ summary: "Vote on a change (segregation of duties enforced). Refused (403) for API tokens", tag: changes, permission: "change.approve", params: ZChangeIdParams, body: ZVoteInput, response: ZObject, conflicts: true }),
  },
  "/api/v1/changes/{id}/transitions": {
    post: operation({ summary: "Schedule, implement, verify (applies flows: the change approves them), roll back (may suspend the change's template), close, send back. Verify is refused (403) for API tokens", tag: changes, permission: "change.read", params: ZChangeIdParams, body: ZTransitionInput, response: ZObject, conflicts: true }),
  },
  "/api/v1/rules": {
    get: operation({ summary: "Classification rules: active, proposed, retired", tag: rules, permission: "rule.read", response: ZObject }),
    post: operation({ summary: "Propose a rule or a new revision", tag: rules, permission: "rule.propose", body: ZRuleProposal, response: ZObject, status: 201, conflicts: true }),
  },
  "/api/v1/rules/{id}/approvals": {
    post: operation({ summary: "Approve a rule proposal or retirement (active with both teams). Refused (403) for API tokens", tag: rules, permission: "rule.approve", params: ZIdParams, response: ZObject, conflicts: true }),
  },
  "/api/v1/rules/{id}/retirement": {
    post: operation({ summary: "Propose retiring an active rule; it keeps classifying until the other team approves", tag: rules, permission: "rule.propose", params: ZIdParams, body: ZRuleRetirement, response: ZObject, status: 201, conflicts: true }),
  },
  "/api/v1/rules/replay": {
    post: operation({ summary: "Replay a proposed rule set against recent changes", tag: rules, permission: "rule.read", body: ZRuleSetReplay, response: ZObject }),
  },
  "/api/v1/templates": {
    get: operation({ summary: "Standard-change templates and promotion suggestions", tag: rules, permission: "rule.read", response: ZObject }),
    post: operation({ summary: "Propose a template with the failure threshold that suspends it; the author's approval counts only when signed in (not with a token)", tag: rules, permission: "rule.propose", body: ZTemplateProposal, response: ZObject, status: 201 }),
  },
  "/api/v1/templates/{id}/approvals": {
    post: operation({ summary: "Approve a template (active with both teams). Refused (403) for API tokens", tag: rules, permission: "rule.approve", params: ZIdParams, response: ZObject, conflicts: true }),
  },
  "/api/v1/templates/{id}/retirement": {
    post: operation({ summary: "Approve retiring an active or suspended template for your team; the other team's approval retires it. Refused (403) for API tokens", tag: rules, permission: "rule.approve", params: ZIdParams, body: ZTemplateRetirement, response: ZObject, conflicts: true }),
  },
  "/api/v1/blackouts": {
    get: operation({ summary: "Blackout windows", tag: changes, permission: "change.read", response: ZObject }),
    post: operation({ summary: "Create a blackout window", tag: changes, permission: "cab.manage", body: ZBlackoutInput, response: ZObject, status: 201 }),
  },
  "/api/v1/blackouts/{id}": {
    delete: operation({ summary: "Delete a blackout window", tag: changes, permission: "cab.manage", params: ZIdParams, response: ZObject }),
  },
  "/api/v1/cab/meetings": {
    get: operation({ summary: "CAB meetings", tag: cab, permission: "cab.read", response: ZObject }),
    post: operation({ summary: "Schedule a CAB meeting (agenda builds itself)", tag: cab, permission: "cab.manage", body: ZCreateMeeting, response: ZObject, status: 201 }),
  },
  "/api/v1/cab/meetings/{meetingId}": {
    get: operation({ summary: "A meeting with its agenda and votes", tag: cab, permission: "cab.read", params: ZMeetingParams, response: ZObject }),
    post: operation({ summary: "Start, end or refresh the agenda", tag: cab, permission: "cab.manage", params: ZMeetingParams, body: ZMeetingAction, response: ZObject, conflicts: true }),
  },
  "/api/v1/cab/meetings/{meetingId}/reviews": {
    post: operation({ summary: "Review an emergency change after the fact (retrospective approval or rejection)", tag: cab, permission: "change.approve", params: ZMeetingParams, body: ZCabReview, response: ZObject, conflicts: true }),
  },
  "/api/v1/cab/meetings/{meetingId}/minutes": {
    get: operation({ summary: "Minutes as Markdown", tag: cab, permission: "cab.read", params: ZMeetingParams, response: z.string(), responseType: "text/markdown" }),
  },
  "/api/v1/cab/meetings/{meetingId}/minutes.pdf": {
    get: operation({ summary: "The same minutes as a PDF", tag: cab, permission: "cab.read", params: ZMeetingParams, response: z.string(), responseType: "application/pdf" }),
  },
  "/api/v1/cab/inbox": {
    get: operation({ summary: "The caller's pending votes", tag: cab, permission: "cab.read", response: ZObject }),
  },
};
