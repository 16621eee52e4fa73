import crypto from "node:crypto";
import { expect, test, type Browser, type BrowserContextOptions } from "@playwright/test";
import { DEMO, openAs, openUserMenu, signIn, unexpectedErrors, watchConsole } from "./helpers";

const PASSWORD = "e2e-password-long-enough";
const PHONE_USER_AGENT =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";

// Each test signs in three or four browsers: more than one sign-in's worth of time.
test.slow();

async function signedInBrowser(browser: Browser, email: string, options: BrowserContextOptions = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors = watchConsole(page);
  await signIn(page, email, PASSWORD);
  return { context, page, errors };
}

test("a person signed in on two browsers signs out everywhere else, and the other browser is sent to sign in", async ({ browser }) => {
  // A fresh person, so this test ends no other test's sessions.
  const admin = await openAs(browser, DEMO.admin);
  const suffix = crypto.randomBytes(4).toString("hex");
  const email = `sessions-${suffix}@e2e.example`;
  const created = await admin.page.request.post("/api/v1/users", {
    data: { email, name: `Sessions ${suffix}`, team: "NETOPS", roles: ["VIEWER"], password: PASSWORD },
  });
  expect(created.status()).toBe(201);
  await admin.close();

  const phone = await signedInBrowser(browser, email, { userAgent: PHONE_USER_AGENT });
  const laptop = await signedInBrowser(browser, email);

  await openUserMenu(laptop.page);
  await laptop.page.getByRole("menuitem", { name: "Sessions" }).click();
  await expect(laptop.page).toHaveURL(/\/account\/sessions$/);
  const rows = laptop.page.getByTestId("session-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText("This browser");
  await expect(rows.nth(1)).toContainText("Safari 17 on iOS");

  await laptop.page.getByRole("button", { name: "Sign out everywhere else" }).click();
  await laptop.page.getByRole("dialog", { name: "Sign out everywhere else?" }).getByRole("button", { name: "Sign out others" }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("This browser");
  await expect(laptop.page.getByText("You are not signed in anywhere else.")).toBeVisible();

  // The phone's next request finds its session ended.
  await phone.page.goto("/dashboard");
  await expect(phone.page).toHaveURL(/\/signin\?error=SessionEnded/);
  // The laptop carries on.
  await laptop.page.goto("/dashboard");
  await expect(laptop.page.getByRole("button", { name: /Account menu for/ })).toBeVisible();

  expect(unexpectedErrors(laptop.errors)).toEqual([]);
  await Promise.all([phone.context.close(), laptop.context.close()]);
});

test("one session is signed out from the list, and another user's session cannot be", async ({ browser }) => {
  const viewer = await openAs(browser, DEMO.viewer);
  const second = await openAs(browser, DEMO.viewer, { userAgent: PHONE_USER_AGENT });
  const listed = (await (await second.page.request.get("/api/v1/account/sessions")).json()) as { sessions: Array<{ id: string; current: boolean }> };
  const secondSession = listed.sessions.filter((session) => session.current);
  expect(secondSession).toHaveLength(1);

  const admin = await openAs(browser, DEMO.admin);
  const adminSessions = (await (await admin.page.request.get("/api/v1/account/sessions")).json()) as { sessions: Array<{ id: string; current: boolean }> };
  const adminCurrent = adminSessions.sessions.find((session) => session.current)!;
  // Another user's session: not found, and the admin stays signed in.
  expect((await viewer.page.request.delete(`/api/v1/account/sessions/${adminCurrent.id}`)).status()).toBe(404);
  expect((await viewer.page.request.delete("/api/v1/account/sessions/not-a-uuid")).status()).toBe(400);
  await admin.page.goto("/dashboard");
  await expect(admin.page.getByRole("button", { name: /Account menu for/ })).toBeVisible();

  await viewer.page.goto("/account/sessions");
  const phoneRow = viewer.page.locator(`[data-session-id="${secondSession[0]!.id}"]`);
  await expect(phoneRow).toContainText("Safari 17 on iOS");
  await phoneRow.getByRole("button", { name: /^Sign out Safari 17 on iOS/ }).click();
  await expect(viewer.page.getByText("Signed out Safari 17 on iOS")).toBeVisible();
  await second.page.goto("/dashboard");
  await expect(second.page).toHaveURL(/\/signin/);

  expect(viewer.errors()).toEqual([]);
  await Promise.all([viewer.close(), second.close(), admin.close()]);
});
