"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api/client";
import { changeKeys } from "@/lib/changes/queries";
import type { TApprovalStatus } from "@/lib/changes/approvals";
import type { TMeeting } from "./service";

export type TMeetingSummary = { id: string; title: string; scheduledAt: string; startedAt: string | null; endedAt: string | null; items: number; attendees: number };
export type TPendingVote = { id: string; number: number; title: string; state: string; track: string | null; riskScore: number; status: TApprovalStatus };

export function useMeetings() {
  return useQuery({ queryKey: changeKeys.meetings, queryFn: () => apiFetch<{ meetings: TMeetingSummary[] }>("/api/v1/cab/meetings") });
}

export function useInbox() {
  return useQuery({ queryKey: changeKeys.inbox, queryFn: () => apiFetch<{ pending: TPendingVote[] }>("/api/v1/cab/inbox") });
}

export function useMeeting(id: string) {
  return useQuery({ queryKey: changeKeys.meeting(id), queryFn: () => apiFetch<TMeeting>(`/api/v1/cab/meetings/${id}`) });
}
