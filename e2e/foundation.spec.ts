import { openUserMenu, signOut } from "./helpers";
import { AS, expect, test } from "./fixtures";

const NAV = ["Dashboard", "Protect surfaces", "Flows", "Changes", "CAB", "Admin"] as const;

const EXPECTED = [
  { who: "a NetOps engineer", as: AS.netops, visible: ["Dashboard", "Protect surfaces", "Flows", "Changes"] },
  { who: "a SecOps engineer", as: AS.secops, visible: ["Dashboard", "Protect surfaces", "Flows", "Changes"] },
  { who: "a CAB member", as: AS.secopsCab, visible: ["Dashboard", "Protect surfaces", "Flows", "Changes", "CAB"] },
  { who: "an executive", as: AS.executive, visible: ["Dashboard", "Protect surfaces", "Flows", "Changes", "CAB"] },
  { who: "an admin", as: AS.admin, visible: ["Dashboard", "Protect surfaces", "Flows", "Changes", "CAB", "Admin"] },
] as const satisfies Array<{ who: string; as: unknown; visible: Array<(typeof NAV)[number]> }>;

for (const { who, as, visible } of EXPECTED) {
  test(`${who} sees the navigation their roles allow`, async ({ signedInAs }) => {
    const { page, errors } = await signedInAs(as);
    await page.goto("/dashboard");
    const nav = page.getByRole("navigation", { name: "Main", exact: true });
    for (const item of NAV) {
      const link = nav.getByRole("link", { name: item, exact: true });
      if ((visible as readonly string[]).includes(item)) await expect(link).toBeVisible();
      else await expect(link).toHaveCount(0);
    }
    expect(errors()).toEqual([]);
  });
}

test("the user menu shows name, team and roles, and signs out", async ({ signedInAs }) => {
  const { page, person } = await signedInAs(AS.netopsCab);
  await page.goto("/dashboard");
  await openUserMenu(page);
  const identity = page.getByTestId("user-menu-identity");
  await expect(identity).toContainText(person.name);
  await expect(identity).toContainText("NetOps");
  await expect(identity).toContainText("CAB member");
  await page.keyboard.press("Escape");
  await signOut(page);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/signin/);
});

test("a viewer is refused an admin action in the UI and by the API", async ({ signedInAs }) => {
  const { page } = await signedInAs(AS.viewer);
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: /roles do not include this area/ })).toBeVisible();
  const response = await page.request.post("/api/v1/users", {
    data: { email: "sneaky@example.com", name: "Sneaky", team: "NETOPS", roles: ["ADMIN"] },
  });
  expect(response.status()).toBe(403);
  expect((await response.json()).error.code).toBe("forbidden");
});

test("a wrong password is refused with a clear message", async ({ page, person }) => {
  const { email } = await person(AS.netops);
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
});

test("unknown pages show a proper 404", async ({ page }) => {
  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
});

test("keyboard users can skip to the content and reach the navigation", async ({ signedInAs }) => {
  const { page } = await signedInAs(AS.secops);
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

test("the API explains bad input field by field and documents itself", async ({ signedInAs }) => {
  const { page } = await signedInAs(AS.admin);
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
