"use client";

import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api/client";
import { mfaKeys } from "./keys";
import { registerPasskeyInBrowser } from "./browser";
import type { TMfaPolicy, TMfaStatus, TTotpEnrolment } from "./schemas";

/** Confirms it is the signed-in person (password, code or passkey answer) before a decision. */
export function confirmStepUp(proof: unknown): Promise<unknown> {
  return apiFetch("/api/v1/auth/step-up", { method: "POST", body: proof });
}

type TMaybeCodes = { recoveryCodes: string[] | null };

export const mfaQueries = {
  status: () => queryOptions({ queryKey: mfaKeys.status(), queryFn: () => apiFetch<TMfaStatus>("/api/v1/account/mfa") }),
  policies: () =>
    queryOptions({
      queryKey: mfaKeys.policies(),
      queryFn: () => apiFetch<{ policies: TMfaPolicy[] }>("/api/v1/admin/mfa-policy").then((payload) => payload.policies),
    }),
};

export function useMfaStatus() {
  return useQuery(mfaQueries.status());
}

function useInvalidateMfa() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: mfaKeys.all });
}

export function useStartTotp() {
  return useMutation({ mutationFn: () => apiFetch<TTotpEnrolment>("/api/v1/account/mfa/totp", { method: "POST" }) });
}

export function useConfirmTotp() {
  const invalidate = useInvalidateMfa();
  return useMutation({
    mutationFn: (code: string) => apiFetch<TMaybeCodes>("/api/v1/account/mfa/totp", { method: "PUT", body: { code } }),
    onSuccess: invalidate,
  });
}

export function useRemoveTotp() {
  const invalidate = useInvalidateMfa();
  return useMutation({ mutationFn: () => apiFetch<TMfaStatus>("/api/v1/account/mfa/totp", { method: "DELETE" }), onSuccess: invalidate });
}

export function useRegenerateRecoveryCodes() {
  const invalidate = useInvalidateMfa();
  return useMutation({
    mutationFn: () => apiFetch<{ recoveryCodes: string[] }>("/api/v1/account/mfa/recovery-codes", { method: "POST" }),
    onSuccess: invalidate,
  });
}

export function useAddPasskey() {
  const invalidate = useInvalidateMfa();
  return useMutation({ mutationFn: (name: string) => registerPasskeyInBrowser(name), onSuccess: invalidate });
}

export function useRemovePasskey() {
  const invalidate = useInvalidateMfa();
  return useMutation({
    mutationFn: (id: string) => apiFetch<TMfaStatus>(`/api/v1/account/mfa/passkeys/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: invalidate,
  });
}

export function useMfaPolicies() {
  return useQuery(mfaQueries.policies());
}

export function useSetMfaPolicy() {
  const invalidate = useInvalidateMfa();
  return useMutation({
    mutationFn: (input: { role: TMfaPolicy["role"]; required: boolean }) =>
      apiFetch<{ policies: TMfaPolicy[] }>("/api/v1/admin/mfa-policy", { method: "PUT", body: input }),
    onSuccess: invalidate,
  });
}

export { mfaKeys };
