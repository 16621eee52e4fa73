import { expect, test } from "@playwright/test";
import { DEMO, openUserMenu, signIn, signOut, unexpectedErrors, watchConsole } from "./helpers";

const NAV = ["Dashboard", "Protect surfaces", "Flows", "Changes", "CAB", "Admin"] as const;

const EXPECTED: Array<{ who: string; email: string; visible: Array<(typeof NAV)[number]> }> = [
  { who: "a NetOps engineer", email: DEMO.netops, visible: ["Dashboard", "Protect surfaces", "Flows", "Changes"] },
  { who: "a SecOps engineer", email: DEMO.secops, visible: ["Dashboard", "Protect surfaces", "Flows", "Changes"] },
  { who: "a CAB member", email: DEMO.secopsLead, visible: ["Dashboard", "Protect surfaces", "Flows", "Changes", "CAB"] },
  { who: "an executive", email: DEMO.executive, visible: ["Dashboard", "Protect surfaces", "Flows", "Changes", "CAB"] },
  { who: "an admin", email: DEMO.admin, visible: ["Dashboard", "Protect surfaces", "Flows", "Changes", "CAB", "Admin"] },
];

for (const { who, email, visible } of EXPECTED) {
  test(`${who} signs in and sees the navigation their roles allow`, async ({ page }) => {
    const errors = watchConsole(page);
    await signIn(page, email);
    const nav = page.getByRole("navigation", { name: "Main", exact: true });
    for (const item of NAV) {
      const link = nav.getByRole("link", { name: item, exact: true });
      if (visible.includes(item)) await expect(link).toBeVisible();
      else await expect(link).toHaveCount(0);
    }
    expect(unexpectedErrors(errors)).toEqual([]);
  });
}

test("the user menu shows name, team and roles, and signs out", async ({ page }) => {
  await signIn(page, DEMO.netopsLead);
  await openUserMenu(page);
  const identity = page.getByTestId("user-menu-identity");
  await expect(identity).toContainText("Nadia Okafor");
  await expect(identity).toContainText("NetOps");
  await expect(identity).toContainText("CAB member");
  await page.keyboard.press("Escape");
  await signOut(page);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/signin/);
});

test("a viewer is refused an admin action in the UI and by the API", async ({ page }) => {
  await signIn(page, DEMO.viewer);
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: /roles do not include this area/ })).toBeVisible();
  const response = await page.request.post("/api/v1/users", {
    data: { email: "sneaky@example.com", name: "Sneaky", team: "NETOPS", roles: ["ADMIN"] },
  });
  expect(response.status()).toBe(403);
  expect((await response.json()).error.code).toBe("forbidden");
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(DEMO.netops);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
});

test("unknown pages show a proper 404", async ({ page }) => {
  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
});

test("keyboard users can skip to the content and reach the navigation", async ({ page }) => {
  await signIn(page, DEMO.secops);
  await page.goto("/dashboard");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();
  const dashboardLink = page.getByRole("navigation", { name: "Main", exact: true }).getByRole("link", { name: "Dashboard" });
  await dashboardLink.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/dashboard/);
});

test("the API explains bad input field by field and documents itself", async ({ page }) => {
  await signIn(page, DEMO.admin);
  const bad = await page.request.post("/api/v1/users", { data: { email: "not-an-email", name: "", team: "MARKETING", roles: [] } });
  expect(bad.status()).toBe(400);
  const { error } = await bad.json();
  expect(error.fields.map((field: { path: string }) => field.path).sort()).toEqual(["body.email", "body.name", "body.roles", "body.team"]);
  expect(JSON.stringify(error)).not.toMatch(/at .*\.js|node_modules/);
  const malformed = await page.request.post("/api/v1/users", { headers: { "content-type": "application/json" }, data: "{oops" });
  expect(malformed.status()).toBe(400);
  const openapi = await page.request.get("/api/v1/openapi.json");
  expect(openapi.ok()).toBe(true);
  const document = await openapi.json();
  expect(document.openapi).toBe("3.1.0");
  expect(Object.keys(document.paths)).toContain("/api/v1/users");
});
