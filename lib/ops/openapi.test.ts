import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { apiPaths } from "@/lib/api/paths";

describe("the operations endpoints' OpenAPI description", () => {
  const document = buildOpenApiDocument(apiPaths);

  it("documents liveness, readiness (with its 503) and the metrics", () => {
    expect(Object.keys(document.paths?.["/api/health/live"] ?? {})).toEqual(["get"]);
    expect(document.paths?.["/api/health/ready"]?.get?.responses?.["503"]).toBeDefined();
    expect(document.paths?.["/api/metrics"]?.get?.responses?.["401"]).toBeDefined();
  });
});
