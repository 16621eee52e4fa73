import { ForbiddenError } from "@/lib/errors";
import type { TActorContext } from "./actor";

/**
 * Joint decisions (sign-offs, CAB votes, rule and template approvals and retirements, maturity
 * scores, change verifications) are made by a person, signed in, in person. An API token, whether
 * a person's or a service account's, is automation: it may prepare a decision, never make it.
 * Services call this before they read or write anything, so a refusal writes nothing.
 */
export function assertPersonDeciding(context: TActorContext, decision: string): void {
  if (context.auth?.method === "token") {
    throw new ForbiddenError(`An API token cannot ${decision}: joint decisions are made by a person signed in to Concord.`);
  }
}

/** The same rule as a predicate, for pages that only want to hide what would be refused. */
export function isPersonDeciding(context: Pick<TActorContext, "auth">): boolean {
  return context.auth?.method !== "token";
}
