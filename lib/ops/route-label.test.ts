import { describe, expect, it } from "vitest";
import { routeLabel } from "./route-label";

describe("routeLabel", () => {
  it("replaces ids with :id and keeps the route's words", () => {
    expect(routeLabel("/api/v1/surfaces/3f2b8c1e-9d4a-4b7e-8f00-1234567890ab/map/events")).toBe("/api/v1/surfaces/:id/map/events");
    expect(routeLabel("/api/v1/changes/42/sign-offs")).toBe("/api/v1/changes/:id/sign-offs");
    expect(routeLabel("/api/v1/metrics/uptime")).toBe("/api/v1/metrics/uptime");
    expect(routeLabel("/api/v1/tokens/AbCdEfGhIjKlMnOpQrStUv")).toBe("/api/v1/tokens/:id");
    expect(routeLabel("/api/v1/surfaces")).toBe("/api/v1/surfaces");
  });
});
