import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { operation } from "@/lib/api/openapi";
import { ZIdParams } from "@/lib/users/schemas";
import { ZBlackoutInput, ZRuleProposal, ZRuleRetirement, ZRuleSetReplay, ZTemplateProposal, ZTemplateRetirement } from "./schemas";

const ZObject = z.record(z.string(), z.unknown());
const rules = "Rules and templates";
// Blackout windows constrain when changes run; they are listed beside the changes in the document.
const changes = "Changes";

/** The classification rule, standard-change template and blackout operations. */
export const changePolicyPaths: ZodOpenApiPathsObject = {
  "/api/v1/rules": {
    get: operation({ summary: "Classification rules: active, proposed, retired", tag: rules, permission: "rule.read", response: ZObject }),
    post: operation({
      summary: "Propose a rule or a new revision",
      tag: rules,
      permission: "rule.propose",
      body: ZRuleProposal,
      response: ZObject,
      status: 201,
      conflicts: true,
    }),
  },
  "/api/v1/rules/{id}/approvals": {
    post: operation({
      summary: "Approve a rule proposal or retirement (active with both teams). Refused (403) for API tokens",
      tag: rules,
      permission: "rule.approve",
      params: ZIdParams,
      response: ZObject,
      conflicts: true,
    }),
  },
  "/api/v1/rules/{id}/retirement": {
    post: operation({
      summary: "Propose retiring an active rule; it keeps classifying until the other team approves",
      tag: rules,
      permission: "rule.propose",
      params: ZIdParams,
      body: ZRuleRetirement,
      response: ZObject,
      status: 201,
      conflicts: true,
    }),
  },
  "/api/v1/rules/replay": {
    post: operation({
      summary: "Replay a proposed rule set against recent changes",
      tag: rules,
      permission: "rule.read",
      body: ZRuleSetReplay,
      response: ZObject,
    }),
  },
  "/api/v1/templates": {
    get: operation({
      summary: "Standard-change templates and promotion suggestions",
      tag: rules,
      permission: "rule.read",
      response: ZObject,
    }),
    post: operation({
      summary:
        "Propose a template with the failure threshold that suspends it; the author's approval counts only when signed in (not with a token)",
      tag: rules,
      permission: "rule.propose",
      body: ZTemplateProposal,
      response: ZObject,
      status: 201,
    }),
  },
  "/api/v1/templates/{id}/approvals": {
    post: operation({
      summary: "Approve a template (active with both teams). Refused (403) for API tokens",
      tag: rules,
      permission: "rule.approve",
      params: ZIdParams,
      response: ZObject,
      conflicts: true,
    }),
  },
  "/api/v1/templates/{id}/retirement": {
    post: operation({
      summary:
        "Approve retiring an active or suspended template for your team; the other team's approval retires it. Refused (403) for API tokens",
      tag: rules,
      permission: "rule.approve",
      params: ZIdParams,
      body: ZTemplateRetirement,
      response: ZObject,
      conflicts: true,
    }),
  },
  "/api/v1/blackouts": {
    get: operation({ summary: "Blackout windows", tag: changes, permission: "change.read", response: ZObject }),
    post: operation({
      summary: "Create a blackout window",
      tag: changes,
      permission: "cab.manage",
      body: ZBlackoutInput,
      response: ZObject,
      status: 201,
    }),
  },
  "/api/v1/blackouts/{id}": {
    delete: operation({
      summary: "Delete a blackout window",
      tag: changes,
      permission: "cab.manage",
      params: ZIdParams,
      response: ZObject,
    }),
  },
};
