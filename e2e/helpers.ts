import { expect, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";

/**
 * The demo seed's accounts, for a spec whose subject is the demo organization itself. Every other
 * spec makes its own people and records with the fixtures in e2e/fixtures.ts.
 */
export const DEMO_PASSWORD = "concord-demo-2026";

export const DEMO = {
  netopsLead: "nadia.okafor@example.com",
  netops: "raj.patel@example.com",
  secopsLead: "sam.rivera@example.com",
  secops: "priya.shah@example.com",
  viewer: "victor.lang@example.com",
  executive: "elena.marsh@example.com",
  admin: "alex.kim@example.com",
} as const;

/** Signs in through the form: for the specs about signing in, and people whose password a test set. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // The first sign-in after start-up also compiles and warms the server: allow it longer.
  await expect(page.getByRole("button", { name: /Account menu for/ })).toBeVisible({ timeout: 30_000 });
}

/** Opens the account menu; retried because a click can land before the page has hydrated. */
export async function openUserMenu(page: Page): Promise<void> {
  await expect(async () => {
    await page.getByRole("button", { name: /Account menu for/ }).click();
    await expect(page.getByTestId("user-menu-identity")).toBeVisible({ timeout: 1_000 });
  }).toPass();
}

export async function signOut(page: Page): Promise<void> {
  await openUserMenu(page);
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
}

export type TConsoleError = { text: string; url: string };
export type TExpectedAnswer = { status: number; path: string | RegExp };

/** Collects the page's console errors (the browser logs every non-2xx response) and uncaught exceptions. */
export function watchConsole(page: Page): TConsoleError[] {
  const errors: TConsoleError[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push({ text: message.text(), url: message.location().url });
  });
  page.on("pageerror", (error) => errors.push({ text: error.message, url: page.url() }));
  return errors;
}

/**
 * The errors a test did not provoke on purpose: a test that asks for a 400 or a 409 names the status
 * and API path it expects. Requests the browser aborted (a page closing its event stream) are not
 * errors of the app.
 */
export function unexpectedErrors(errors: TConsoleError[], expected: TExpectedAnswer[] = []): string[] {
  return errors
    .filter(({ text, url }) => {
      if (/net::ERR_ABORTED/.test(text)) return false;
      const status = /status of (\d{3})/.exec(text)?.[1];
      if (!status || !url) return true;
      const { pathname } = new URL(url);
      return !expected.some(
        (entry) =>
          String(entry.status) === status && (typeof entry.path === "string" ? pathname === entry.path : entry.path.test(pathname)),
      );
    })
    .map(({ text, url }) => `${text} (${url})`);
}

/** A demo account signed in through the form in a context of its own (fixtures' `signedInAs` skips the form). */
export async function openAs(browser: Browser, email: string, options: BrowserContextOptions = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors = watchConsole(page);
  await signIn(page, email);
  return { context, page, errors: (expected: TExpectedAnswer[] = []) => unexpectedErrors(errors, expected), close: () => context.close() };
}
