import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { signIn, unexpectedErrors, watchConsole } from "./helpers";
import { AS, expect, FIXTURE_PASSWORD, test } from "./fixtures";

/** Every page of the app, from the file tree: "/surfaces/[id]/map" and a pattern matching its URLs. */
function appPages(): Array<{ route: string; pattern: RegExp }> {
  const root = path.resolve("app");
  const found: string[] = [];
  const walk = (directory: string) => {
    for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory() && entry.name !== "api") walk(full);
      else if (entry.name === "page.tsx") found.push(path.relative(root, directory));
    }
  };
  walk(root);
  return found.map((directory) => {
    const segments = directory.split(path.sep).filter((segment) => segment && !/^\(.*\)$/.test(segment));
    const route = `/${segments.join("/")}`;
    const pattern = new RegExp(`^${segments.map((segment) => (/^\[.*\]$/.test(segment) ? "/[^/?#]+" : `/${segment}`)).join("") || "/"}$`);
    return { route, pattern };
  });
}

/** Records CSP violations the page reports, before any of its own script runs. */
async function watchPolicy(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const sink: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = sink;
    document.addEventListener("securitypolicyviolation", (event) =>
      sink.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`),
    );
  });
  return () => page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
}

/** Opens a page, checks its policy header, and lets it settle (hydration, first queries). */
async function visit(page: Page, url: string): Promise<void> {
  const response = await page.goto(url);
  expect(response, url).not.toBeNull();
  const policy = response!.headers()["content-security-policy"] ?? "";
  expect(policy, url).toMatch(/script-src 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policy, url).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
  // Pages that keep a stream or a poll open never go idle: give each a bounded moment to settle.
  await page.waitForLoadState("networkidle", { timeout: 3_000 }).catch(() => undefined);
}

const ROLES = [
  { who: "a viewer", as: AS.viewer },
  { who: "a NetOps engineer", as: AS.netops },
  { who: "a CAB member", as: AS.secopsCab },
  { who: "an executive", as: AS.executive },
  { who: "an admin", as: AS.admin },
];

test("the sign-in page runs under the policy without a violation", async ({ page }) => {
  const errors = watchConsole(page);
  const violations = await watchPolicy(page);
  await visit(page, "/signin");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  expect(await violations()).toEqual([]);
  expect(unexpectedErrors(errors)).toEqual([]);
});

for (const { who, as } of ROLES) {
  test(`${who} visits every page without a CSP violation or console error`, async ({ signedInAs, surfaceWithMap }) => {
    test.setTimeout(900_000);
    // A surface of the test's own, so the pages of a surface and its map are reached whatever else exists.
    await surfaceWithMap({ agreed: true });
    const { page } = await signedInAs(as);
    const errors = watchConsole(page);
    const violations = await watchPolicy(page);
    const pages = appPages();
    const pending = pages.filter((entry) => !entry.route.includes("[")).map((entry) => entry.route);
    const visited = new Map<string, string>();
    const problems: string[] = [];
    // Pages with ids are reached through the links of the pages before them, one URL per route.
    while (pending.length > 0) {
      const url = pending.shift()!;
      const route = pages.find((entry) => entry.pattern.test(url))!.route;
      if (visited.has(route)) continue;
      visited.set(route, url);
      await visit(page, url);
      problems.push(...(await violations()).map((violation) => `${url}: ${violation}`));
      problems.push(...unexpectedErrors(errors.splice(0)).map((error) => `${url}: ${error}`));
      const links = await page
        .locator("a[href^='/']")
        .evaluateAll((anchors) => anchors.map((anchor) => new URL((anchor as HTMLAnchorElement).href).pathname));
      for (const link of links) {
        const target = pages.find((entry) => entry.pattern.test(link));
        if (target && !visited.has(target.route)) pending.push(link);
      }
    }
    expect(problems).toEqual([]);
    // Every page whose links this role can reach was opened (the walk is not silently empty).
    expect(visited.size).toBeGreaterThan(8);
    test.info().annotations.push({ type: "pages", description: [...visited.values()].join(" ") });
  });
}

test("a session cookie is HttpOnly and SameSite, and carries __Secure- only on https", async ({ page, context, person }) => {
  const { email } = await person(AS.viewer);
  await signIn(page, email, FIXTURE_PASSWORD);
  const session = (await context.cookies()).find((cookie) => cookie.name.endsWith("next-auth.session-token"));
  expect(session).toBeDefined();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe("Lax");
  // The tests serve plain http on localhost: no Secure flag, no prefix (an https APP_URL turns both on).
  expect(session!.name).toBe("next-auth.session-token");
});

test("sign-in never leaves the app, whatever callbackUrl says", async ({ page, person }) => {
  test.setTimeout(300_000);
  const { email } = await person(AS.viewer);
  for (const target of [
    "/\\evil.example/",
    "/%5Cevil.example/",
    "/%09/evil.example",
    "//evil.example",
    "https:evil.example",
    "javascript:alert(1)",
  ]) {
    await page.context().clearCookies();
    await page.goto(`/signin?callbackUrl=${encodeURIComponent(target)}`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(FIXTURE_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    // Signing in hashes a password on a busy server: allow it as long as the sign-in helper does.
    await expect(page).toHaveURL(new URL("/dashboard", test.info().project.use.baseURL).toString(), { timeout: 30_000 });
  }
});

test("crawlers are told to stay out of the whole console, before anyone signs in", async ({ request }) => {
  const response = await request.get("/robots.txt");
  expect(response.status()).toBe(200);
  expect(await response.text()).toMatch(/User-agent: \*\s+Disallow: \/\s*$/);
});
