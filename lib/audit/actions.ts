/**
 * Every action an audit event may record, in one spelling: `domain.entity.verb`, lowercase, words
 * joined by underscores, the verb last. The entity is left out when it is the domain's own record
 * (`change.create`, `surface.signoff`); a record that belongs to the domain is named
 * (`surface.statement.create`, `cab.meeting.start`).
 *
 * Stored events keep the action they were written with: the hash chain covers it. Events written
 * before this registry may carry a legacy spelling; `LEGACY_AUDIT_ACTIONS` maps each to its
 * current name, and filters by action match both (`auditActionsMatching`).
 */
export const AUDIT_ACTIONS = [
  "audit.checkpoint.create",
  "auth.login",
  "auth.logout",
  "auth.session.revoke",
  "auth.session.revoke_others",
  "auth.step_up",
  "blackout.create",
  "blackout.delete",
  "cab.meeting.create",
  "cab.meeting.start",
  "cab.meeting.end",
  "cab.meeting.refresh_agenda",
  "cab.meeting.join",
  "cab.review",
  "change.apply",
  "change.classify",
  "change.create",
  "change.transition",
  "change.update",
  "change.vote",
  "organization.settings.update",
  "discovery.import.create",
  "discovery.import.undo",
  "discovery.observation.prune",
  "discovery.csv_mapping.update",
  "policy.drift.record",
  "kpi.create",
  "kpi.reading.create",
  "map.node.create",
  "map.node.update",
  "map.node.delete",
  "map.edge.create",
  "map.edge.update",
  "map.edge.delete",
  "map.batch.edit",
  "map.batch.paste",
  "map.batch.layout",
  "map.batch.import",
  "map.batch.undo",
  "map.batch.redo",
  "map.batch.move",
  "map.batch.elements",
  "maturity.assessment.create",
  "maturity.score",
  "metrics.headline.update",
  "metrics.snapshot.create",
  "mfa.passkey.add",
  "mfa.passkey.remove",
  "mfa.policy.set",
  "mfa.recovery_codes.generate",
  "mfa.totp.disable",
  "mfa.totp.enable",
  "objective.create",
  "rule.activate",
  "rule.approve",
  "rule.propose",
  "rule.retirement.propose",
  "service_account.create",
  "surface.agree",
  "surface.comment",
  "surface.comment.reopen",
  "surface.comment.resolve",
  "surface.create",
  "surface.decision.create",
  "surface.delegate.add",
  "surface.delegate.remove",
  "surface.delete",
  "surface.owner.change",
  "surface.reopen",
  "surface.signoff",
  "surface.signoff.void",
  "surface.signoff.withdraw",
  "surface.statement.create",
  "surface.statement.delete",
  "surface.statement.update",
  "surface.submit",
  "surface.update",
  "template.approve",
  "template.propose",
  "template.retire",
  "template.retirement.approve",
  "template.suspend",
  "token.create",
  "token.revoke",
  "user.create",
  "user.disable",
  "user.enable",
  "user.sessions.end",
  "user.update",
  "webhook.create",
  "webhook.disable",
  "webhook.enable",
  "webhook.redeliver",
  "webhook.secret.rotate",
  "webhook.update",
] as const;

export type TAuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * Map edits written as a batch carry the batch's reason. Until the map service types its reason,
 * any reason is accepted after `map.batch.`; the registry lists the reasons the API sends.
 */
export type TAuditActionWritten = TAuditAction | `map.batch.${string}`;

/** The spellings used before the registry, as stored in older events, with their current name. */
export const LEGACY_AUDIT_ACTIONS = {
  "audit.checkpoint": "audit.checkpoint.create",
  "auth.session_revoke": "auth.session.revoke",
  "auth.sessions_revoke_others": "auth.session.revoke_others",
  "cab.meeting.refresh-agenda": "cab.meeting.refresh_agenda",
  "kpi.reading": "kpi.reading.create",
  "maturity.assessment_create": "maturity.assessment.create",
  "metrics.snapshot": "metrics.snapshot.create",
  "rule.propose_retirement": "rule.retirement.propose",
  "surface.comment_reopen": "surface.comment.reopen",
  "surface.comment_resolve": "surface.comment.resolve",
  "surface.decision": "surface.decision.create",
  "surface.delegate_add": "surface.delegate.add",
  "surface.delegate_remove": "surface.delegate.remove",
  "surface.owner_change": "surface.owner.change",
  "surface.signoff_void": "surface.signoff.void",
  "surface.signoff_withdraw": "surface.signoff.withdraw",
  "surface.statement_create": "surface.statement.create",
  "surface.statement_delete": "surface.statement.delete",
  "surface.statement_update": "surface.statement.update",
  "template.retire_approve": "template.retirement.approve",
  "user.sessions_end": "user.sessions.end",
  "webhook.rotate_secret": "webhook.secret.rotate",
} as const satisfies Record<string, TAuditAction>;

/**
 * Every stored spelling (current or legacy) that a filter by `prefix` should find: the spellings
 * that start with the prefix, and the other spellings of the same actions. A search for
 * `surface.statement.` finds `surface.statement_create` rows; one for the old `surface.statement_`
 * finds the new rows too.
 */
export function auditActionsMatching(prefix: string): string[] {
  const current = new Set<string>(AUDIT_ACTIONS.filter((action) => action.startsWith(prefix)));
  for (const [legacy, renamed] of Object.entries(LEGACY_AUDIT_ACTIONS)) if (legacy.startsWith(prefix)) current.add(renamed);
  const spellings = new Set(current);
  for (const [legacy, renamed] of Object.entries(LEGACY_AUDIT_ACTIONS)) if (current.has(renamed)) spellings.add(legacy);
  return [...spellings].sort();
}
