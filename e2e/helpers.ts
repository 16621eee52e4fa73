import { expect, type Page } from "@playwright/test";

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

/** Fails the test on any console error or uncaught exception in the page. */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

export type TConsoleError = { text: string; url: string };

/** Like watchConsole, keeping the URL of each failed request, for tests that provoke errors on purpose. */
export function watchConsoleWithUrls(page: Page): TConsoleError[] {
  const errors: TConsoleError[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push({ text: message.text(), url: message.location().url });
  });
  page.on("pageerror", (error) => errors.push({ text: error.message, url: page.url() }));
  return errors;
}
