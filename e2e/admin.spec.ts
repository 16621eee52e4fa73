import crypto from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { signIn } from "./helpers";
import { AS, expect, test, type TPerson } from "./fixtures";
import { createPerson, FIXTURE_PASSWORD } from "./support/records";

/** A fresh person per test, so no test disables anyone another test signs in with. */
function freshPerson(label: string) {
  const suffix = crypto.randomBytes(4).toString("hex");
  return { name: `${label} ${suffix}`, email: `${label.toLowerCase().replace(/\s+/g, "-")}-${suffix}@e2e.example` };
}

const PASSWORD = "e2e-password-long-enough";

/** The first sign-in through the form after the server starts pays for cold caches; pay it here, not inside a test. */
test.beforeAll(async ({ browser }) => {
  const { email } = await createPerson(AS.viewer);
  const page = await browser.newPage();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(FIXTURE_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/dashboard/, { timeout: 60_000 });
  await page.close();
});

/** The admin creates the person through the API (the audit names the admin), with a known password. */
async function createUserByApi(admin: Page, person: { name: string; email: string }, roles = ["CONTRIBUTOR"]): Promise<TPerson> {
  const response = await admin.request.post("/api/v1/users", { data: { ...person, team: "SECOPS", roles, password: PASSWORD } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { user: TPerson }).user;
}

async function signInElsewhere(browser: Browser, email: string, password: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password);
  return page;
}

async function openUserAction(admin: Page, person: { name: string; email: string }, action: string) {
  await admin.getByLabel("Search").fill(person.email);
  await expect(admin.getByRole("table", { name: "Users" }).getByRole("row")).toHaveCount(2);
  await admin.getByRole("button", { name: `Actions for ${person.name}` }).click();
  await admin.getByRole("menuitem", { name: action }).click();
}

test("an admin invites a user, who signs in with the one-time password", async ({ signedInAs, browser }) => {
  const { page, errors } = await signedInAs(AS.admin);
  const person = freshPerson("Invited Engineer");
  await page.goto("/admin");
  const adminNav = page.getByRole("navigation", { name: "Administration" });
  await expect(adminNav.getByRole("link", { name: "Users" })).toHaveAttribute("aria-current", "page");
  await expect(adminNav.getByRole("link", { name: "Audit trail" })).not.toHaveAttribute("aria-current", "page");

  await page.getByRole("button", { name: "Create or invite user" }).click();
  const dialog = page.getByRole("dialog", { name: "Create or invite user" });
  await dialog.getByLabel("Email").fill(person.email);
  await dialog.getByLabel("Name").fill(person.name);
  await dialog.getByLabel("Team").selectOption("SECOPS");
  await dialog.getByRole("checkbox", { name: "CAB member" }).check();
  await dialog.getByRole("button", { name: "Invite user" }).click();

  const shown = page.getByRole("dialog", { name: "One-time password" });
  await expect(shown).toContainText("Shown only once");
  const oneTimePassword = (await shown.getByTestId("one-time-secret").textContent())!.trim();
  expect(oneTimePassword.length).toBeGreaterThanOrEqual(12);
  await shown.getByRole("button", { name: "Done" }).click();

  await page.getByLabel("Search").fill(person.email);
  const row = page.getByTestId(`user-row-${person.email}`);
  await expect(row).toContainText("SecOps");
  await expect(row).toContainText("Contributor");
  await expect(row).toContainText("CAB member");
  await expect(row).toContainText("Active");
  await expect(row).toContainText("Never");

  const invited = await signInElsewhere(browser, person.email, oneTimePassword);
  await expect(invited).toHaveURL(/\/dashboard/);
  await expect(invited.getByRole("heading", { name: "Program dashboard" })).toBeVisible();

  await page.reload();
  await page.getByLabel("Search").fill(person.email);
  await expect(row.getByRole("cell").nth(5)).toHaveText("1");
  expect(errors()).toEqual([]);
});

test("the create and edit dialogs show the API's field errors in place", async ({ signedInAs }) => {
  const { page, errors } = await signedInAs(AS.admin);
  const person = freshPerson("Edited Person");
  const { id } = await createUserByApi(page, person);
  await page.goto("/admin");

  await page.getByRole("button", { name: "Create or invite user" }).click();
  const create = page.getByRole("dialog", { name: "Create or invite user" });
  await create.getByLabel("Email").fill("not-an-email");
  await create.getByLabel("Password").fill("short");
  await create.getByRole("button", { name: "Create user" }).click();
  await expect(create.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(create.getByText("must be an email address")).toBeVisible();
  await expect(create.getByText("is required")).toBeVisible();
  await expect(create.getByText("must be at least 12 characters")).toBeVisible();
  await create.getByRole("button", { name: "Cancel" }).click();

  await openUserAction(page, person, "Edit");
  const edit = page.getByRole("dialog", { name: `Edit ${person.name}` });
  await edit.getByLabel("Name").fill("");
  await edit.getByRole("checkbox", { name: "Contributor" }).uncheck();
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit.getByText("is required")).toBeVisible();
  await expect(edit.getByText("needs at least one role")).toBeVisible();

  const renamed = `${person.name} Renamed`;
  await edit.getByLabel("Name").fill(renamed);
  await edit.getByRole("checkbox", { name: "Viewer" }).check();
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit).toHaveCount(0);
  await expect(page.getByText(`${renamed} was updated`)).toBeVisible();
  await expect(page.getByTestId(`user-row-${person.email}`)).toContainText("Viewer");
  expect(
    errors([
      { status: 400, path: "/api/v1/users" },
      { status: 400, path: `/api/v1/users/${id}` },
    ]),
  ).toEqual([]);
});

test("disabling a user refuses their open session at once; re-enabling lets them back", async ({ signedInAs, browser }) => {
  const { page, errors } = await signedInAs(AS.admin);
  const person = freshPerson("Disabled Analyst");
  await createUserByApi(page, person);
  const other = await signInElsewhere(browser, person.email, PASSWORD);
  expect((await other.request.get("/api/v1/me")).status()).toBe(200);

  await page.goto("/admin");
  await openUserAction(page, person, "Disable");
  const confirm = page.getByRole("dialog", { name: `Disable ${person.name}?` });
  await expect(confirm).toContainText("1 open session");
  await confirm.getByRole("button", { name: "Disable user" }).click();
  await expect(page.getByText(`${person.name} was disabled and signed out`)).toBeVisible();
  const row = page.getByTestId(`user-row-${person.email}`);
  await expect(row).toContainText("Disabled");
  await expect(row.getByRole("cell").nth(5)).toHaveText("0");

  await other.goto("/dashboard");
  await expect(other).toHaveURL(/\/signin/);
  const refused = await other.request.get("/api/v1/me");
  expect(refused.status()).toBe(401);

  await openUserAction(page, person, "Re-enable");
  await page
    .getByRole("dialog", { name: `Re-enable ${person.name}?` })
    .getByRole("button", { name: "Re-enable user" })
    .click();
  await expect(row).toContainText("Active");
  await signIn(other, person.email, PASSWORD);
  await expect(other.getByRole("heading", { name: "Program dashboard" })).toBeVisible();
  expect(errors()).toEqual([]);
});

test("an admin ends every session of a user", async ({ signedInAs }) => {
  const { page } = await signedInAs(AS.admin);
  const person = freshPerson("Session Holder");
  const other = (await signedInAs(await createUserByApi(page, person))).page;
  expect((await other.request.get("/api/v1/me")).status()).toBe(200);
  await page.goto("/admin");
  await openUserAction(page, person, "End all sessions");
  await page
    .getByRole("dialog", { name: `End all sessions of ${person.name}?` })
    .getByRole("button", { name: "End sessions" })
    .click();
  await expect(page.getByText(`Ended 1 session of ${person.name}`)).toBeVisible();
  await expect(page.getByTestId(`user-row-${person.email}`)).toContainText("Active");
  expect((await other.request.get("/api/v1/me")).status()).toBe(401);
});

test("the audit page lists a user's events with their changes, and the chain verifies intact", async ({ signedInAs }) => {
  const { page, errors, person: admin } = await signedInAs(AS.admin);
  const person = freshPerson("Audited Person");
  const { id } = await createUserByApi(page, person);
  expect((await page.request.put(`/api/v1/users/${id}/status`, { data: { status: "DISABLED" } })).status()).toBe(200);
  expect((await page.request.put(`/api/v1/users/${id}/status`, { data: { status: "ACTIVE" } })).status()).toBe(200);

  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Audit trail" }).click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await expect(page.getByRole("link", { name: "Audit trail" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("audit-row").first()).toBeVisible();

  await page.getByLabel("Entity id").fill(id);
  await page.getByRole("button", { name: "Apply filters" }).click();
  const rows = page.getByTestId("audit-row");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText("user.enable");
  await expect(rows.nth(1)).toContainText("user.disable");
  await expect(rows.nth(2)).toContainText("user.create");
  await expect(rows.nth(2)).toContainText(admin.name);

  await rows
    .nth(1)
    .getByRole("button", { name: /Show details of event/ })
    .click();
  const before = page.getByRole("region", { name: "Before" });
  const after = page.getByRole("region", { name: "After" });
  await expect(before).toContainText('"ACTIVE"');
  await expect(after).toContainText('"DISABLED"');
  await expect(after.locator("[data-changed]")).toContainText("status");
  await expect(page.getByText("Request id")).toBeVisible();

  await page.getByLabel("Action starts with").fill("user.dis");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(rows).toHaveCount(1);

  await page.getByRole("button", { name: "Verify chain" }).click();
  await expect(page.getByText(/Chain intact: [\d,]+ events verified/)).toBeVisible();
  expect(errors()).toEqual([]);
});

test("the audit trail pages with Load more", async ({ signedInAs }) => {
  const { page } = await signedInAs(AS.admin);
  // Enough events of its own for a second page, whatever else the database holds.
  for (let i = 0; i < 51; i++) {
    expect((await page.request.post("/api/v1/tokens", { data: { name: `paging ${i}` } })).status()).toBe(201);
  }
  await page.goto("/admin/audit");
  const rows = page.getByTestId("audit-row");
  await expect(rows).toHaveCount(50);
  const idOf = async (index: number) => Number(await rows.nth(index).getByRole("cell").nth(1).textContent());
  const lastOfFirstPage = await idOf(49);
  await page.getByRole("button", { name: "Load more" }).click();
  await expect.poll(() => rows.count()).toBeGreaterThan(50);
  expect(await idOf(50)).toBeLessThan(lastOfFirstPage);
  await expect(page.getByText(/^\d+ events shown/)).toContainText(String(await rows.count()));
});

test("an admin issues a service account's API token that works once shown, and revoking it refuses it", async ({
  signedInAs,
  playwright,
  baseURL,
}) => {
  const { page, errors } = await signedInAs(AS.admin);
  const accountName = `Firewall sync ${crypto.randomBytes(3).toString("hex")}`;
  await page.goto("/admin/tokens");
  await expect(page.getByRole("link", { name: "API tokens" })).toHaveAttribute("aria-current", "page");

  await page.getByRole("button", { name: "New service account" }).click();
  const accountDialog = page.getByRole("dialog", { name: "New service account" });
  await accountDialog.getByLabel("Name").fill(accountName);
  await accountDialog.getByLabel("Contributor").check();
  await accountDialog.getByRole("button", { name: "Create service account" }).click();
  await expect(page.getByRole("table", { name: "Service accounts" })).toContainText(accountName);

  const tokenName = `pipeline ${accountName}`;
  await page.getByRole("button", { name: "New token" }).first().click();
  const dialog = page.getByRole("dialog", { name: "New API token" });
  await dialog.getByRole("button", { name: "Issue token" }).click();
  await expect(dialog.getByText("is required")).toBeVisible();
  await dialog.getByLabel("Acts as").selectOption({ label: `Service account: ${accountName}` });
  await dialog.getByLabel("Token name").fill(tokenName);
  await dialog.getByRole("button", { name: "Issue token" }).click();
  const shown = page.getByRole("dialog", { name: "Your new API token" });
  const plainToken = (await shown.getByTestId("one-time-secret").textContent())!.trim();
  await shown.getByRole("button", { name: "Done" }).click();

  const automation = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${plainToken}` } });
  const me = await automation.get("/api/v1/me");
  expect(me.status()).toBe(200);
  expect(((await me.json()) as { name: string; team: string }).name).toBe(accountName);
  // A token for another person is refused with the reason.
  const forOther = await page.request.post("/api/v1/tokens", { data: { name: "as someone", userId: crypto.randomUUID() } });
  expect(forOther.status()).toBe(400);

  await page.getByRole("button", { name: `Revoke ${tokenName}` }).click();
  await page
    .getByRole("dialog", { name: `Revoke "${tokenName}"?` })
    .getByRole("button", { name: "Revoke token" })
    .click();
  await expect(page.getByText(`Token "${tokenName}" revoked`)).toBeVisible();
  await expect(page.getByRole("button", { name: `Revoke ${tokenName}` })).toHaveCount(0);
  expect((await automation.get("/api/v1/me")).status()).toBe(401);
  await automation.dispose();
  expect(errors([{ status: 400, path: "/api/v1/tokens" }])).toEqual([]);
});

test("a viewer gets the 403 page for every admin page", async ({ signedInAs }) => {
  const { page } = await signedInAs(AS.viewer);
  for (const path of ["/admin", "/admin/audit", "/admin/tokens"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "Your roles do not include this area" })).toBeVisible();
  }
  expect((await page.request.get("/api/v1/tokens")).status()).toBe(403);
});
