import { afterEach, describe, expect, it, vi } from "vitest";
import { EVERY_FAMILY, invalidatedFamilies, runMutation, seededQueryClient, stubApi } from "@/lib/test/query-cache";
import { changeKeys } from "./keys";
import { changeMutations, changeQueries } from "./queries";

afterEach(() => vi.unstubAllGlobals());

const DECIDED = ["calendar", "changeA", "changeList", "changeListFiltered", "inbox", "meeting1", "meeting2", "notifications", "templates"];

describe("changeKeys", () => {
  it("nests each list and detail under its family, so a prefix invalidates them all", () => {
    expect(changeKeys.list({ state: "DRAFT" }).slice(0, 2)).toEqual(changeKeys.lists());
    expect(changeKeys.detail("change-a").slice(0, 2)).toEqual(changeKeys.details());
    expect(changeKeys.calendar("a", "b").slice(0, 2)).toEqual(changeKeys.calendars());
    for (const key of [changeKeys.lists(), changeKeys.details(), changeKeys.calendars(), changeKeys.pickableFlows(["s"])])
      expect(key[0]).toBe(changeKeys.all[0]);
  });

  it("spells the keys the shared fixture uses", () => {
    expect(changeKeys.detail("change-a")).toEqual(EVERY_FAMILY.changeA);
    expect(changeKeys.list({})).toEqual(EVERY_FAMILY.changeList);
  });
});

describe("changeQueries", () => {
  it("asks for the list with only the filters that are set", async () => {
    const requests = stubApi({ total: 0, page: 1, pageSize: 25, changes: [] });
    await seededQueryClient().fetchQuery(changeQueries.list({ q: "", state: "DRAFT", page: "2" }));
    expect(requests).toEqual([{ url: "/api/v1/changes?state=DRAFT&page=2", method: "GET", body: undefined }]);
  });

  it("asks for the pickable flows of the chosen surfaces, and not at all without any", async () => {
    const requests = stubApi({ maps: [] });
    expect(changeQueries.pickableFlows([]).enabled).toBe(false);
    await seededQueryClient().fetchQuery(changeQueries.pickableFlows(["s-1", "s-2"]));
    expect(new URL(requests[0]!.url, "http://x").searchParams.get("surfaceIds")).toBe("s-1,s-2");
  });

  it("asks for the calendar of a range", async () => {
    const requests = stubApi({ changes: [], blackouts: [] });
    await seededQueryClient().fetchQuery(changeQueries.calendar("2026-12-01T00:00:00.000Z", "2027-01-04T00:00:00.000Z"));
    const url = new URL(requests[0]!.url, "http://x");
    expect([url.pathname, url.searchParams.get("from"), url.searchParams.get("to")]).toEqual([
      "/api/v1/changes/calendar",
      "2026-12-01T00:00:00.000Z",
      "2027-01-04T00:00:00.000Z",
    ]);
  });

  it("types the cached detail by its options, without a generic", () => {
    const queryClient = seededQueryClient();
    const detail = changeQueries.detail("change-a");
    queryClient.setQueryData(detail.queryKey, (current) => current);
    expect(detail.queryKey).toEqual(EVERY_FAMILY.changeA);
  });
});

describe("changeMutations", () => {
  it("an edit saved without submitting refreshes the change, the lists and the calendar only", async () => {
    const requests = stubApi({ id: "change-a" });
    const queryClient = seededQueryClient();
    const body = { title: "Open 443", operations: [], surfaceIds: [] } as never;
    await runMutation(queryClient, changeMutations.save(queryClient), { body, editing: { id: "change-a", version: 3 }, submit: false });
    expect(requests.map((request) => `${request.method} ${request.url}`)).toEqual(["PATCH /api/v1/changes/change-a"]);
    expect(requests[0]!.body).toMatchObject({ title: "Open 443", version: 3 });
    expect(invalidatedFamilies(queryClient)).toEqual(["calendar", "changeA", "changeList", "changeListFiltered"]);
  });

  it("a new change saved and submitted is a decision: inboxes, agendas, templates and notifications too", async () => {
    const requests = stubApi({ id: "change-a" });
    const queryClient = seededQueryClient();
    await runMutation(queryClient, changeMutations.save(queryClient), { body: { title: "Open 443" } as never, submit: true });
    expect(requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      "POST /api/v1/changes",
      "POST /api/v1/changes/change-a/submit",
    ]);
    expect(invalidatedFamilies(queryClient)).toEqual(DECIDED);
  });

  it("a transition, a submit and a vote leave other changes, rules, surfaces and maps alone", async () => {
    for (const [factory, input, path] of [
      [changeMutations.transition, { action: "implement" }, "transitions"],
      [changeMutations.submit, undefined, "submit"],
      [changeMutations.vote, { decision: "APPROVE", comment: "" }, "approvals"],
    ] as const) {
      const requests = stubApi({});
      const queryClient = seededQueryClient();
      await runMutation(queryClient, factory(queryClient, "change-a") as never, input as never);
      expect(requests.map((request) => `${request.method} ${request.url}`)).toEqual([`POST /api/v1/changes/change-a/${path}`]);
      expect(invalidatedFamilies(queryClient)).toEqual(DECIDED);
    }
  });

  it("a refused write refreshes nothing", async () => {
    stubApi({ error: { code: "illegal_transition", message: "No." } }, 409);
    const queryClient = seededQueryClient();
    await expect(runMutation(queryClient, changeMutations.transition(queryClient, "change-a"), { action: "close" })).rejects.toThrow("No.");
    expect(invalidatedFamilies(queryClient)).toEqual([]);
  });
});
