import { afterEach, describe, expect, it, vi } from "vitest";
import { seededQueryClient, stubApi } from "@/lib/test/query-cache";
import { surfaceExportUrl, surfaceKeys, surfaceQueries } from "./queries";

afterEach(() => vi.unstubAllGlobals());

describe("surface queries", () => {
  it("export the list as filtered, in the format asked for", () => {
    expect(surfaceExportUrl({ q: "hr", status: "", page: 2 }, "csv")).toBe("/api/v1/surfaces/export?q=hr&page=2&format=csv");
    expect(surfaceExportUrl({}, "json")).toBe("/api/v1/surfaces/export?format=json");
  });

  it("ask for the list with only the filters that are set, under the list key", async () => {
    const requests = stubApi({ surfaces: [], total: 0 });
    const options = surfaceQueries.list({ q: "", classification: "RESTRICTED" });
    await seededQueryClient().fetchQuery(options);
    expect(requests.map((request) => request.url)).toEqual(["/api/v1/surfaces?classification=RESTRICTED"]);
    expect(options.queryKey.slice(0, 2)).toEqual([...surfaceKeys.all, "list"]);
  });
});
