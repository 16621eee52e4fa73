import { afterEach, describe, expect, it, vi } from "vitest";
import { EVERY_FAMILY, invalidatedFamilies, runMutation, seededQueryClient, stubApi } from "@/lib/test/query-cache";
import { cabKeys } from "./keys";
import { cabInvalidations, cabMutations, cabQueries, meetingMinutesUrl } from "./queries";

afterEach(() => vi.unstubAllGlobals());

describe("cabKeys", () => {
  it("nests meetings and the inbox under the CAB", () => {
    expect(cabKeys.list().slice(0, 2)).toEqual(cabKeys.lists());
    expect(cabKeys.detail("meeting-1")).toEqual(EVERY_FAMILY.meeting1);
    expect(cabKeys.inbox()).toEqual(EVERY_FAMILY.inbox);
    expect(cabQueries.meetings().queryKey).toEqual(EVERY_FAMILY.meetingList);
  });
});

describe("cabQueries", () => {
  it("reads a meeting and the inbox from the CAB's API", async () => {
    const requests = stubApi({});
    const queryClient = seededQueryClient();
    await queryClient.fetchQuery({ ...cabQueries.meeting("meeting-9"), staleTime: 0 });
    await queryClient.fetchQuery({ ...cabQueries.inbox(), staleTime: 0 });
    expect(requests.map((request) => request.url)).toEqual(["/api/v1/cab/meetings/meeting-9", "/api/v1/cab/inbox"]);
  });

  it("names where the minutes download from", () => {
    expect([meetingMinutesUrl("m", "md"), meetingMinutesUrl("m", "pdf")]).toEqual([
      "/api/v1/cab/meetings/m/minutes",
      "/api/v1/cab/meetings/m/minutes.pdf",
    ]);
  });
});

describe("cabMutations", () => {
  it("scheduling a meeting refreshes the meeting list only", async () => {
    const requests = stubApi({ id: "meeting-3" });
    const queryClient = seededQueryClient();
    const meeting = await runMutation(queryClient, cabMutations.schedule(queryClient), {
      title: "CAB",
      scheduledAt: "2026-12-08T09:00:00.000Z",
      attendeeIds: [],
    });
    expect(meeting).toEqual({ id: "meeting-3" });
    expect(requests[0]).toMatchObject({ url: "/api/v1/cab/meetings", method: "POST" });
    expect(invalidatedFamilies(queryClient)).toEqual(["meetingList"]);
  });

  it("starting, ending or refreshing a meeting refreshes that meeting and the list, nothing of the changes", async () => {
    const requests = stubApi({});
    const queryClient = seededQueryClient();
    await runMutation(queryClient, cabMutations.act(queryClient, "meeting-1"), { action: "end", carry: [] });
    expect(requests).toEqual([{ url: "/api/v1/cab/meetings/meeting-1", method: "POST", body: { action: "end", carry: [] } }]);
    expect(invalidatedFamilies(queryClient)).toEqual(["meeting1", "meetingList"]);
  });

  it("joining a meeting in progress refreshes that meeting and the list", async () => {
    const requests = stubApi({});
    const queryClient = seededQueryClient();
    await runMutation(queryClient, cabMutations.join(queryClient, "meeting-1"), undefined);
    expect(requests).toEqual([{ url: "/api/v1/cab/meetings/meeting-1/attendance", method: "POST" }]);
    expect(invalidatedFamilies(queryClient)).toEqual(["meeting1", "meetingList"]);
  });

  it("a live update of a meeting re-reads the meeting, the list and the inbox, nothing of the changes", () => {
    expect(cabInvalidations.live("meeting-1")).toEqual([cabKeys.detail("meeting-1"), cabKeys.lists(), cabKeys.inbox()]);
  });

  it("a vote in a meeting is the change's own vote: the change, its lists, the inbox and notifications too", async () => {
    const requests = stubApi({});
    const queryClient = seededQueryClient();
    await runMutation(queryClient, cabMutations.vote(queryClient, "meeting-1"), {
      changeId: "change-a",
      decision: "APPROVE",
      comment: "ok",
      retrospective: false,
    });
    expect(requests).toEqual([
      { url: "/api/v1/changes/change-a/approvals", method: "POST", body: { decision: "APPROVE", comment: "ok", meetingId: "meeting-1" } },
    ]);
    expect(invalidatedFamilies(queryClient)).toEqual([
      "calendar",
      "changeA",
      "changeList",
      "changeListFiltered",
      "inbox",
      "meeting1",
      "notifications",
    ]);
  });

  it("a retrospective review leaves the change as it is and refreshes the meeting only", async () => {
    const requests = stubApi({});
    const queryClient = seededQueryClient();
    await runMutation(queryClient, cabMutations.vote(queryClient, "meeting-1"), {
      changeId: "change-a",
      decision: "REJECT",
      comment: "too wide",
      retrospective: true,
    });
    expect(requests).toEqual([
      {
        url: "/api/v1/cab/meetings/meeting-1/reviews",
        method: "POST",
        body: { changeId: "change-a", decision: "REJECT", comment: "too wide" },
      },
    ]);
    expect(invalidatedFamilies(queryClient)).toEqual(["meeting1"]);
  });
});
