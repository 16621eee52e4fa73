import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { apiPaths } from "@/lib/api/paths";

describe("the API tokens' OpenAPI description", () => {
  const document = buildOpenApiDocument(apiPaths);

  it("documents listing, issuing and revoking", () => {
    expect(Object.keys(document.paths?.["/api/v1/tokens"] ?? {}).sort()).toEqual(["get", "post"]);
    expect(Object.keys(document.paths?.["/api/v1/tokens/{id}"] ?? {})).toEqual(["delete"]);
    expect(document.paths?.["/api/v1/tokens"]?.post?.responses?.["201"]).toBeDefined();
  });

  it("never describes a stored hash, only the one-time plain token", () => {
    const schemas = document.components?.schemas ?? {};
    expect(Object.keys(schemas)).toEqual(expect.arrayContaining(["ApiToken", "CreateApiToken", "CreatedApiToken"]));
    expect(JSON.stringify(schemas.ApiToken)).not.toMatch(/hash/i);
    expect(JSON.stringify(schemas.CreatedApiToken)).toContain("plainToken");
  });
});
