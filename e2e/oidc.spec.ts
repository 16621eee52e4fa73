import { expect, test, type Page } from "@playwright/test";
import { openUserMenu } from "./helpers";

async function signOnAs(page: Page, login: string) {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Continue with Test SSO" }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any-password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

test("single sign-on creates the user with the team and roles from the provider's claims", async ({ page }) => {
  await signOnAs(page, "olga.sso");
  await expect(page).toHaveURL(/\/dashboard/);
  await expect(page.getByRole("navigation", { name: "Main", exact: true }).getByRole("link", { name: "CAB" })).toBeVisible();
  await openUserMenu(page);
  const identity = page.getByTestId("user-menu-identity");
  await expect(identity).toContainText("NetOps");
  await expect(identity).toContainText("CAB member");
});

test("single sign-on without a team claim is refused with an explanation", async ({ page }) => {
  await signOnAs(page, "no.team");
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByRole("alert").filter({ hasText: "no Concord team" })).toBeVisible();
});
