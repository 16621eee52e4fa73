import { openUserMenu } from "./helpers";
import { AS, expect, test } from "./fixtures";

const PHONE_USER_AGENT =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";

test("a person signed in on two browsers signs out everywhere else, and the other browser is sent to sign in", async ({
  signedInAs,
  person,
}) => {
  // A fresh person, so this test ends no other test's sessions.
  const holder = await person(AS.viewer);
  const phone = await signedInAs(holder, { userAgent: PHONE_USER_AGENT });
  const laptop = await signedInAs(holder);

  await laptop.page.goto("/dashboard");
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

  expect(laptop.errors()).toEqual([]);
});

test("one session is signed out from the list, and another user's session cannot be", async ({ signedInAs }) => {
  const viewer = await signedInAs(AS.viewer);
  const second = await signedInAs(viewer.person, { userAgent: PHONE_USER_AGENT });
  const listed = (await (await second.page.request.get("/api/v1/account/sessions")).json()) as {
    sessions: Array<{ id: string; current: boolean }>;
  };
  const secondSession = listed.sessions.filter((session) => session.current);
  expect(secondSession).toHaveLength(1);

  const admin = await signedInAs(AS.admin);
  const adminSessions = (await (await admin.page.request.get("/api/v1/account/sessions")).json()) as {
    sessions: Array<{ id: string; current: boolean }>;
  };
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
});
