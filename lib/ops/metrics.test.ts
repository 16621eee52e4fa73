import { describe, expect, it } from "vitest";
import { metrics, observeRequest, trackOpenStream } from "./metrics";

const valueOf = async (name: string) => (await metrics().registry.getSingleMetric(name)!.get()).values;

describe("metrics", () => {
  it("counts open live streams, each closed once however often its cleanup runs", async () => {
    const first = trackOpenStream();
    const second = trackOpenStream();
    expect((await valueOf("concord_live_streams_open"))[0]!.value).toBe(2);
    first();
    first();
    expect((await valueOf("concord_live_streams_open"))[0]!.value).toBe(1);
    second();
    expect((await valueOf("concord_live_streams_open"))[0]!.value).toBe(0);
  });

  it("records request latency by method, route and status", async () => {
    observeRequest("GET", "/api/v1/surfaces/:id", 200, 0.03);
    observeRequest("GET", "/api/v1/surfaces/:id", 200, 0.2);
    const count = (await valueOf("concord_http_request_duration_seconds")).find(
      (sample) =>
        (sample as { metricName?: string }).metricName === "concord_http_request_duration_seconds_count" &&
        sample.labels.route === "/api/v1/surfaces/:id",
    );
    expect(count?.value).toBe(2);
    expect(count?.labels).toMatchObject({ method: "GET", status: "200" });
  });
});
