"use client";

import { queryOptions, useMutation, useQuery, type QueryKey } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTouchingMutation } from "@/lib/api/mutations";
import { apiFetch, describeError } from "@/lib/api/client";
import { changeKeys } from "@/lib/changes/keys";
import type { TTemplateParameters } from "@/lib/changes/templates";
import { notificationKeys } from "@/lib/notifications/keys";
import type { TRuleProposal, TRuleSetReplay, TTemplateProposal } from "@/lib/rules/schemas";
import type { TRule, TRuleReplay } from "@/lib/rules/service";
import type { TTemplate } from "@/lib/rules/templates-service";
import { ruleKeys, templateKeys } from "./keys";

export { ruleKeys, templateKeys } from "./keys";

export type TRuleBoard = { active: TRule[]; proposed: TRule[]; retired: TRule[] };
export type TTemplateSuggestion = { kind: string; passes: number; changeNumbers: number[]; parameters: TTemplateParameters };
export type TTemplateCatalog = { templates: TTemplate[]; suggestions: TTemplateSuggestion[] };
export type TBlackoutDraft = { name: string; startsAt: string; endsAt: string; surfaceId: string | null };

/** How many recent changes the preview of a retirement replays: the same default as the rule-set test. */
export const PREVIEW_CHANGES = 50;

/** Replays recent changes against a rule set under consideration; it changes nothing, so it refreshes nothing. */
export function replayRules(body: Partial<TRuleSetReplay>): Promise<TRuleReplay> {
  return apiFetch<TRuleReplay>("/api/v1/rules/replay", { method: "POST", body });
}

export const policyQueries = {
  rules: () => queryOptions({ queryKey: ruleKeys.list(), queryFn: () => apiFetch<TRuleBoard>("/api/v1/rules") }),
  replayWithout: (ruleId: string) =>
    queryOptions({ queryKey: ruleKeys.replayWithout(ruleId), queryFn: () => replayRules({ proposedRuleIds: [], excludeRuleIds: [ruleId], lastN: PREVIEW_CHANGES }) }),
  templates: () => queryOptions({ queryKey: templateKeys.list(), queryFn: () => apiFetch<TTemplateCatalog>("/api/v1/templates") }),
};

export const useRules = () => useQuery(policyQueries.rules());
export const useReplayWithout = (ruleId: string) => useQuery(policyQueries.replayWithout(ruleId));
export const useTemplates = () => useQuery(policyQueries.templates());

export function useRuleReplay() {
  return useMutation({ mutationFn: replayRules, onError: (error) => toast.error(describeError(error)) });
}

/**
 * What each policy write touches. Proposals, approvals and retirements change the rule board (and
 * the replays computed from it) or the template catalog, and notify the other team; blackout
 * windows show on the change calendar. None of them reclassifies a change already submitted.
 */
export const policyInvalidations = {
  rules: (): QueryKey[] => [ruleKeys.all, notificationKeys.all],
  templates: (): QueryKey[] => [templateKeys.all, notificationKeys.all],
  blackouts: (): QueryKey[] => [changeKeys.calendars()],
};

export type TRuleDraft = Omit<TRuleProposal, "ruleKey">;

export function useProposeRule() {
  return useTouchingMutation((body: TRuleDraft) => apiFetch<TRule>("/api/v1/rules", { method: "POST", body }), policyInvalidations.rules, "Rule proposed; the other team must approve it");
}

export function useApproveRule() {
  return useTouchingMutation((id: string) => apiFetch<TRule>(`/api/v1/rules/${id}/approvals`, { method: "POST" }), policyInvalidations.rules, "Approval recorded");
}

export function useProposeRuleRetirement() {
  return useTouchingMutation(
    ({ id, reason }: { id: string; reason: string }) => apiFetch<TRule>(`/api/v1/rules/${id}/retirement`, { method: "POST", body: { reason } }),
    policyInvalidations.rules,
    "Retirement proposed; the rule classifies until the other team approves",
  );
}

export function useProposeTemplate() {
  return useTouchingMutation((body: TTemplateProposal) => apiFetch<TTemplate>("/api/v1/templates", { method: "POST", body }), policyInvalidations.templates, "Template proposed; the other team must approve it");
}

export function useApproveTemplate() {
  return useTouchingMutation((id: string) => apiFetch<TTemplate>(`/api/v1/templates/${id}/approvals`, { method: "POST" }), policyInvalidations.templates, "Approval recorded");
}

export function useRetireTemplate() {
  return useTouchingMutation(
    ({ id, reason }: { id: string; reason: string }) => apiFetch<TTemplate>(`/api/v1/templates/${id}/retirement`, { method: "POST", body: { reason } }),
    policyInvalidations.templates,
    "Retirement approval recorded",
  );
}

export function useCreateBlackout() {
  return useTouchingMutation((body: TBlackoutDraft) => apiFetch("/api/v1/blackouts", { method: "POST", body }), policyInvalidations.blackouts, "Blackout window added");
}

export function useDeleteBlackout() {
  return useTouchingMutation((id: string) => apiFetch(`/api/v1/blackouts/${id}`, { method: "DELETE" }), policyInvalidations.blackouts, "Blackout window deleted");
}
