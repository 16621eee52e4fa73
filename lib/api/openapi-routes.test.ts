import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./openapi";
import { apiPaths } from "./paths";

const API_ROOT = path.resolve(import.meta.dirname, "../../app/api");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
/** Served but deliberately not operations of the document: the document itself, and next-auth's own endpoints. */
const UNDOCUMENTED = new Set(["GET /api/v1/openapi.json", "GET /api/auth/{...nextauth}", "POST /api/auth/{...nextauth}"]);

function routeFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/** "METHOD /api/..." for every handler a route file exports, its [param] folders as {param}. */
function servedOperations(): string[] {
  return routeFiles(API_ROOT).flatMap((file) => {
    const folder = path.relative(API_ROOT, path.dirname(file)).split(path.sep).filter(Boolean);
    const url = ["/api", ...folder.map((segment) => segment.replace(/^\[([\w.]+)\]$/, "{$1}"))].join("/");
    const source = fs.readFileSync(file, "utf8");
    return METHODS.filter((method) => new RegExp(`export\\s+(const|async\\s+function|function)\\s+${method}\\b`).test(source)).map(
      (method) => `${method} ${url}`,
    );
  });
}

function documentedOperations(): string[] {
  const document = buildOpenApiDocument(apiPaths);
  return Object.entries(document.paths ?? {}).flatMap(([url, item]) =>
    Object.keys(item ?? {})
      .filter((key) => (METHODS as readonly string[]).includes(key.toUpperCase()))
      .map((method) => `${method.toUpperCase()} ${url}`),
  );
}

describe("the OpenAPI document and the route files", () => {
  it("finds the route files", () => {
    expect(servedOperations().length).toBeGreaterThan(50);
  });

  it("documents every operation a route file serves", () => {
    const documented = new Set(documentedOperations());
    expect(
      servedOperations()
        .filter((operation) => !documented.has(operation) && !UNDOCUMENTED.has(operation))
        .sort(),
    ).toEqual([]);
  });

  it("documents no operation that no route file serves", () => {
    const served = new Set(servedOperations());
    expect(
      documentedOperations()
        .filter((operation) => !served.has(operation))
        .sort(),
    ).toEqual([]);
  });
});
