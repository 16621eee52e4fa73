import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, LEGACY_AUDIT_ACTIONS, auditActionsMatching } from "./actions";

describe("audit action registry", () => {
  it("spells every action as dot-separated lowercase words, the verb last, with no duplicates", () => {
    for (const action of AUDIT_ACTIONS) expect(action).toMatch(/^[a-z]+(_[a-z]+)*(\.[a-z]+(_[a-z]+)*){1,2}$/);
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
  });

  it("maps each legacy spelling to a current action, and no legacy spelling is still current", () => {
    for (const [legacy, current] of Object.entries(LEGACY_AUDIT_ACTIONS)) {
      expect(AUDIT_ACTIONS).toContain(current);
      expect(AUDIT_ACTIONS as readonly string[]).not.toContain(legacy);
    }
  });

  it("a filter by the current prefix also finds the rows stored under the legacy spelling", () => {
    expect(auditActionsMatching("surface.statement.")).toEqual([
      "surface.statement.create",
      "surface.statement.delete",
      "surface.statement.update",
      "surface.statement_create",
      "surface.statement_delete",
      "surface.statement_update",
    ]);
    expect(auditActionsMatching("cab.meeting.refresh")).toEqual(["cab.meeting.refresh-agenda", "cab.meeting.refresh_agenda"]);
  });

  it("a filter by a legacy prefix also finds the rows written under the current name", () => {
    expect(auditActionsMatching("maturity.assessment_")).toEqual(["maturity.assessment.create", "maturity.assessment_create"]);
    expect(auditActionsMatching("webhook.rotate")).toEqual(["webhook.rotate_secret", "webhook.secret.rotate"]);
  });

  it("an unknown prefix matches no registered spelling and leaves the plain prefix search to the caller", () => {
    expect(auditActionsMatching("nothing.")).toEqual([]);
  });
});
