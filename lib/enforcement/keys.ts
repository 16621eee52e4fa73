import { changeKeys } from "@/lib/changes/keys";

/**
 * Policy query keys. A change's policy preview sits under the change's own detail key, so every
 * write that invalidates the change (an edit of its operations, a transition) refreshes it too.
 */
export const enforcementKeys = {
  changePolicy: (changeId: string) => [...changeKeys.detail(changeId), "policy"] as const,
};
