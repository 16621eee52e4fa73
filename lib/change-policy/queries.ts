"use client";

import { queryOptions, useMutation, useQuery, type QueryClient, type QueryKey } from "@tanstack/react-query";
import { toast } from "sonner";
import { touchingMutation, useTouchingMutation } from "@/lib/api/mutations";
import { apiFetch, describeError } from "@/lib/api/client";
import { changeKeys } from "@/lib/changes/keys";
import type { TTemplateParameters } from "@/lib/change-policy/template-parameters";
import { notificationKeys } from "@/lib/notifications/keys";
import type { TRuleProposal, TRuleSetReplay, TTemplateProposal } from "@/lib/change-policy/schemas";
import type { TRule, TRuleReplay } from "@/lib/change-policy/rules-service";
import type { TTemplate } from "@/lib/change-policy/templates-service";
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
    queryOptions({
      queryKey: ruleKeys.replayWithout(ruleId),
      queryFn: () => replayRules({ proposedRuleIds: [], excludeRuleIds: [ruleId], lastN: PREVIEW_CHANGES }),
    }),
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
export type TRetirement = { id: string; reason: string };

export const policyMutations = {
  proposeRule: (queryClient: QueryClient) =>
    touchingMutation(queryClient, {
      mutationFn: (body: TRuleDraft) => apiFetch<TRule>("/api/v1/rules", { method: "POST", body }),
      touched: policyInvalidations.rules,
      success: "Rule proposed; the other team must approve it",
    }),
  approveRule: (queryClient: QueryClient) =>
    touchingMutation(queryClient, {
      mutationFn: (id: string) => apiFetch<TRule>(`/api/v1/rules/${id}/approvals`, { method: "POST" }),
      touched: policyInvalidations.rules,
      success: "Approval recorded",
    }),
  proposeRuleRetirement: (queryClient: QueryClient) =>
    touchingMutation(queryClient, {
      mutationFn: ({ id, reason }: TRetirement) => apiFetch<TRule>(`/api/v1/rules/${id}/retirement`, { method: "POST", body: { reason } }),
      touched: policyInvalidations.rules,
      success: "Retirement proposed; the rule classifies until the other team approves",
    }),
  proposeTemplate: (queryClient: QueryClient) =>
    touchingMutation(queryClient, {
      mutationFn: (body: TTemplateProposal) => apiFetch<TTemplate>("/api/v1/templates", { method: "POST", body }),
      touched: policyInvalidations.templates,
      success: "Template proposed; the other team must approve it",
    }),
  approveTemplate: (queryClient: QueryClient) =>
    touchingMutation(queryClient, {
      mutationFn: (id: string) => apiFetch<TTemplate>(`/api/v1/templates/${id}/approvals`, { method: "POST" }),
      touched: policyInvalidations.templates,
      success: "Approval recorded",
    }),
  retireTemplate: (queryClient: QueryClient) =>
    touchingMutation(queryClient, {
      mutationFn: ({ id, reason }: TRetirement) =>
        apiFetch<TTemplate>(`/api/v1/templates/${id}/retirement`, { method: "POST", body: { reason } }),
      touched: policyInvalidations.templates,
      success: "Retirement approval recorded",
    }),
  createBlackout: (queryClient: QueryClient) =>
    touchingMutation(queryClient, {
      mutationFn: (body: TBlackoutDraft) => apiFetch("/api/v1/blackouts", { method: "POST", body }),
      touched: policyInvalidations.blackouts,
      success: "Blackout window added",
    }),
  deleteBlackout: (queryClient: QueryClient) =>
    touchingMutation(queryClient, {
      mutationFn: (id: string) => apiFetch(`/api/v1/blackouts/${id}`, { method: "DELETE" }),
      touched: policyInvalidations.blackouts,
      success: "Blackout window deleted",
    }),
};

export const useProposeRule = () => useTouchingMutation(policyMutations.proposeRule);
export const useApproveRule = () => useTouchingMutation(policyMutations.approveRule);
export const useProposeRuleRetirement = () => useTouchingMutation(policyMutations.proposeRuleRetirement);
export const useProposeTemplate = () => useTouchingMutation(policyMutations.proposeTemplate);
export const useApproveTemplate = () => useTouchingMutation(policyMutations.approveTemplate);
export const useRetireTemplate = () => useTouchingMutation(policyMutations.retireTemplate);
export const useCreateBlackout = () => useTouchingMutation(policyMutations.createBlackout);
export const useDeleteBlackout = () => useTouchingMutation(policyMutations.deleteBlackout);
