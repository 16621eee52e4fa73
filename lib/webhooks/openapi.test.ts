import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { apiPaths } from "@/lib/api/paths";

describe("the webhooks' OpenAPI description", () => {
  const document = buildOpenApiDocument(apiPaths);

  it("documents subscriptions, rotation, the delivery log and redelivery, admin-only", () => {
    expect(Object.keys(document.paths?.["/api/v1/webhooks"] ?? {}).sort()).toEqual(["get", "post"]);
    expect(Object.keys(document.paths?.["/api/v1/webhooks/{id}"] ?? {}).sort()).toEqual(["get", "patch"]);
    expect(document.paths?.["/api/v1/webhooks/{id}/rotate-secret"]?.post).toBeDefined();
    expect(document.paths?.["/api/v1/webhooks/{id}/deliveries"]?.get).toBeDefined();
    expect(document.paths?.["/api/v1/webhooks/{id}/deliveries/{messageId}/redeliver"]?.post?.responses?.["409"]).toBeDefined();
    expect(document.paths?.["/api/v1/webhooks/event-types"]?.get).toBeDefined();
    expect(document.paths?.["/api/v1/webhooks"]?.post?.description).toContain("admin.webhooks");
  });

  it("returns the secret only in the creation and rotation answer", () => {
    const schemas = document.components?.schemas ?? {};
    expect(JSON.stringify(schemas.WebhookSubscription)).not.toMatch(/secret"/i);
    expect(JSON.stringify(schemas.WebhookSecretResult)).toContain('"secret"');
  });
});
