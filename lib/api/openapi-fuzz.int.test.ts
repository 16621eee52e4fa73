import crypto from "node:crypto";
import fc from "fast-check";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { hashApiToken } from "@/lib/auth/sessions";
import { createTestUser } from "@/lib/test/factories";
import { createSurfaceWithMap } from "@/lib/changes/test-fixtures";
import type { TActor } from "@/lib/auth/actor";
import { buildOpenApiDocument } from "./openapi";
import { apiPaths } from "./paths";

vi.hoisted(() => {
  // Thousands of calls with one token: its per-minute budget is not what this test is about.
  process.env.TOKEN_REQUESTS_PER_MINUTE = "1000000";
});

/**
 * Walks the OpenAPI document and sends every operation generated bad path parameters, query
 * strings and bodies, as a caller holding every role (so the permission check lets the request
 * reach validation). Whatever comes in: never a 5xx, and a refused request writes nothing.
 */

type THandler = (request: NextRequest, route: { params: Promise<Record<string, string>> }) => Promise<Response>;
type TSchema = { $ref?: string; properties?: Record<string, TSchema>; oneOf?: TSchema[]; anyOf?: TSchema[]; allOf?: TSchema[] };
type TOperation = { method: string; path: string; pathParams: string[]; queryParams: string[]; bodyKeys: string[] | null };

const routeModules = import.meta.glob<Record<string, THandler>>("../../app/api/**/route.ts");
const document = buildOpenApiDocument(apiPaths) as unknown as {
  paths: Record<
    string,
    Record<string, { parameters?: Array<{ in: string; name: string }>; requestBody?: { content: Record<string, { schema: TSchema }> } }>
  >;
  components?: { schemas?: Record<string, TSchema> };
};

function resolve(schema: TSchema | undefined): TSchema | undefined {
  if (!schema?.$ref) return schema;
  return document.components?.schemas?.[schema.$ref.replace("#/components/schemas/", "")];
}

/** Top-level property names of a body schema, through references and unions. */
function propertyNames(schema: TSchema | undefined, depth = 0): string[] {
  const resolved = resolve(schema);
  if (!resolved || depth > 4) return [];
  const branches = [...(resolved.oneOf ?? []), ...(resolved.anyOf ?? []), ...(resolved.allOf ?? [])];
  return [...new Set([...Object.keys(resolved.properties ?? {}), ...branches.flatMap((branch) => propertyNames(branch, depth + 1))])];
}

const operations: TOperation[] = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, spec]) => ({
    method: method.toUpperCase(),
    path,
    pathParams: (spec.parameters ?? []).filter((parameter) => parameter.in === "path").map((parameter) => parameter.name),
    queryParams: (spec.parameters ?? []).filter((parameter) => parameter.in === "query").map((parameter) => parameter.name),
    bodyKeys: spec.requestBody ? propertyNames(spec.requestBody.content["application/json"]?.schema) : null,
  })),
);

async function handlerFor(operation: TOperation): Promise<THandler> {
  const file = `../../app${operation.path.replace(/\{(\w+)\}/g, "[$1]")}/route.ts`;
  const load = routeModules[file];
  if (!load) throw new Error(`No route file for ${operation.path}`);
  const handler = (await load())[operation.method];
  if (!handler) throw new Error(`${file} exports no ${operation.method}`);
  return handler;
}

const badStrings = [
  "",
  " ",
  "null",
  "undefined",
  "0",
  "-1",
  "1.5",
  "2147483647",
  "2147483648",
  "-2147483649",
  "9223372036854775807",
  "9223372036854775808",
  "99999999999999999999",
  "1e309",
  "-1e309",
  "NaN",
  "Infinity",
  "0x10",
  "true",
  "[]",
  "{}",
  "%00",
  "\u0000",
  "..%2F..%2Fetc%2Fpasswd",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "00000000-0000-0000-0000-000000000000",
  "😀",
  "2026-13-45T25:61:00Z",
  "9999-12-31T23:59:59Z",
  "0000-01-01T00:00:00Z",
  "1970-01-01",
  "a".repeat(5000),
  "a,b,,c",
  "NETOPS",
  "ADMIN",
];
const badString = fc.oneof(fc.constantFrom(...badStrings), fc.string({ maxLength: 40 }), fc.uuid());
const badValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    false,
    0,
    -1,
    1.5,
    2147483647,
    2147483648,
    -2147483649,
    9007199254740993,
    1e308,
    -1e308,
    [],
    {},
    [null],
    "x".repeat(20_000),
  ),
  badString,
  fc.jsonValue({ maxDepth: 3 }),
  fc.array(badString, { maxLength: 3 }),
);

function bodyArbitrary(keys: string[]): fc.Arbitrary<string | undefined> {
  const shaped =
    keys.length > 0 ? fc.record(Object.fromEntries(keys.map((key) => [key, badValue])), { requiredKeys: [] }) : fc.constant({});
  return fc.oneof(
    shaped.map((value) => JSON.stringify(value)),
    badValue.map((value) => JSON.stringify(value)),
    fc.constantFrom<string | undefined>(undefined, "", "{", "[1,2", "nul", "\u0000", '{"a":1}{"b":2}', '{"__proto__":{"polluted":true}}'),
  );
}

describe("every documented operation, sent bad input", () => {
  let caller: TActor;
  let token: string;
  let idPool: string[];

  beforeAll(async () => {
    caller = await createTestUser("NETOPS", ["VIEWER", "CONTRIBUTOR", "CAB_MEMBER", "EXECUTIVE", "ADMIN"]);
    const other = await createTestUser("SECOPS", ["CONTRIBUTOR"]);
    token = crypto.randomBytes(24).toString("base64url");
    await db.apiToken.create({
      data: { name: "fuzz", tokenHash: hashApiToken(token), userId: caller.id, createdById: caller.id, scopes: [] },
    });
    const { surface, nodes, edge } = await createSurfaceWithMap(caller);
    // Real ids let the generated requests get past "not found" to the validation behind it.
    idPool = [surface.id, other.id, nodes.web.id, edge.id];
  });

  it("covers the whole document", () => {
    expect(operations.length).toBeGreaterThan(60);
  });

  it.each(operations.map((operation) => [`${operation.method} ${operation.path}`, operation] as const))(
    "%s: never a 5xx, nothing written when refused",
    async (_name, operation) => {
      const handler = await handlerFor(operation);
      const pathValue = fc.oneof(badString, fc.constantFrom(...idPool));
      const input = fc.record({
        params: fc.record(Object.fromEntries(operation.pathParams.map((name) => [name, pathValue]))),
        query: fc.array(fc.tuple(fc.constantFrom(...operation.queryParams, "unexpected"), badString), { maxLength: 4 }),
        body: operation.bodyKeys ? bodyArbitrary(operation.bodyKeys) : fc.constant(undefined),
      });
      await fc.assert(
        fc.asyncProperty(input, async ({ params, query, body }) => {
          const search = new URLSearchParams(query).toString();
          const url = `http://localhost${operation.path.replace(/\{(\w+)\}/g, (_match, name: string) => encodeURIComponent(params[name] ?? ""))}${search ? `?${search}` : ""}`;
          const abort = new AbortController();
          const request = new NextRequest(url, {
            method: operation.method,
            body: operation.method === "GET" ? undefined : body,
            headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
            signal: abort.signal,
          });
          const auditsBefore = await db.auditEvent.count({ where: { actorId: caller.id } });
          const response = await handler(request, { params: Promise.resolve(params) });
          abort.abort();
          const text = response.headers.get("content-type")?.includes("text/event-stream") ? "" : await response.text();
          expect(response.status, `${operation.method} ${url} ${body?.slice(0, 200)} → ${text.slice(0, 300)}`).toBeLessThan(500);
          if (response.status >= 400) {
            expect(JSON.parse(text)).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
            expect(text).not.toMatch(/\n\s+at /);
            expect(await db.auditEvent.count({ where: { actorId: caller.id } })).toBe(auditsBefore);
          }
        }),
        { numRuns: 15 },
      );
    },
  );
});
