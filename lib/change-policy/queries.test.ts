import { afterEach, describe, expect, it, vi } from "vitest";
import { EVERY_FAMILY, invalidatedFamilies, runMutation, seededQueryClient, stubApi } from "@/lib/test/query-cache";
import { ruleKeys, templateKeys } from "./keys";
import { PREVIEW_CHANGES, policyMutations, policyQueries } from "./queries";

afterEach(() => vi.unstubAllGlobals());

describe("ruleKeys and templateKeys", () => {
  it("keep rules, their replays and templates in families of their own", () => {
    expect(ruleKeys.list()).toEqual(EVERY_FAMILY.rules);
    expect(ruleKeys.replayWithout("rule-1")).toEqual(EVERY_FAMILY.replayWithout);
    expect(ruleKeys.replayWithout("rule-1").slice(0, 1)).toEqual(ruleKeys.all);
    expect(templateKeys.list()).toEqual(EVERY_FAMILY.templates);
    expect(policyQueries.rules().queryKey).toEqual(ruleKeys.list());
  });
});

describe("policyQueries", () => {
  it("previews a retirement by replaying recent changes without the rule", async () => {
    const requests = stubApi({ replayed: 0, changedTrack: 0, rows: [] });
    await seededQueryClient().fetchQuery(policyQueries.replayWithout("rule-7"));
    expect(requests).toEqual([
      { url: "/api/v1/rules/replay", method: "POST", body: { proposedRuleIds: [], excludeRuleIds: ["rule-7"], lastN: PREVIEW_CHANGES } },
    ]);
  });
});

describe("policyMutations", () => {
  it("rule writes refresh the rule board, its replays and the notifications, nothing of changes or templates", async () => {
    for (const [factory, input, url] of [
      [policyMutations.approveRule, "rule-1", "/api/v1/rules/rule-1/approvals"],
      [policyMutations.proposeRuleRetirement, { id: "rule-1", reason: "superseded by rule 2" }, "/api/v1/rules/rule-1/retirement"],
    ] as const) {
      const requests = stubApi({});
      const queryClient = seededQueryClient();
      await runMutation(queryClient, factory(queryClient) as never, input as never);
      expect(requests.map((request) => request.url)).toEqual([url]);
      expect(invalidatedFamilies(queryClient)).toEqual(["notifications", "replayWithout", "rules"]);
    }
  });

  it("template writes refresh the catalog and the notifications", async () => {
    const requests = stubApi({});
    const queryClient = seededQueryClient();
    await runMutation(queryClient, policyMutations.retireTemplate(queryClient), { id: "template-1", reason: "unused" });
    expect(requests).toEqual([{ url: "/api/v1/templates/template-1/retirement", method: "POST", body: { reason: "unused" } }]);
    expect(invalidatedFamilies(queryClient)).toEqual(["notifications", "templates"]);
  });

  it("blackout windows refresh the change calendar only", async () => {
    const requests = stubApi({});
    const queryClient = seededQueryClient();
    await runMutation(queryClient, policyMutations.deleteBlackout(queryClient), "blackout-1");
    expect(requests).toEqual([{ url: "/api/v1/blackouts/blackout-1", method: "DELETE", body: undefined }]);
    expect(invalidatedFamilies(queryClient)).toEqual(["calendar"]);
  });
});
