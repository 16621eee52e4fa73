import type { Page } from "@playwright/test";
import { generate } from "otplib";
import { signOut, unexpectedErrors, watchConsole } from "./helpers";
import { AS, expect, FIXTURE_PASSWORD as PASSWORD, test } from "./fixtures";
import { PAYMENTS } from "./support/surfaces";
import { pickSurface } from "./support/forms";

// Each MFA test signs in through the form with an account of its own (made by the `person` fixture),
// since signing in with a second factor is what it tests.

/** A code of the next 30-second step: the one shown now may already have been spent (codes work once). */
function nextCode(secret: string): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
}

async function submitPassword(page: Page, email: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function signInWithPassword(page: Page, email: string) {
  await submitPassword(page, email);
  await expect(page.getByRole("button", { name: /Account menu for/ })).toBeVisible({ timeout: 30_000 });
}

/** Sets up the authenticator app on the security page; returns the secret and the recovery codes shown once. */
async function enrolAuthenticator(page: Page) {
  await page.goto("/account/security");
  await page.getByRole("button", { name: "Set up an authenticator app" }).click();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  await page.getByLabel("Code from the app").fill(await generate({ secret }));
  await page.getByRole("button", { name: "Turn on" }).click();
  const list = page.getByTestId("recovery-codes").getByRole("listitem");
  await expect(list).toHaveCount(10);
  const recoveryCodes = await list.allTextContents();
  await page.getByRole("button", { name: "I have saved them" }).click();
  await expect(page.getByRole("region", { name: "Authenticator app" })).toContainText("On");
  return { secret, recoveryCodes };
}

test("enrol an authenticator app, then sign in with a code and with a recovery code", async ({ browser, person }) => {
  test.setTimeout(240_000);
  const { email } = await person({ team: "SECOPS", roles: ["CONTRIBUTOR"] });
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchConsole(page);
  await signInWithPassword(page, email);
  const { secret, recoveryCodes } = await enrolAuthenticator(page);
  await expect(page.getByTestId("recovery-codes-left")).toHaveText("10 of 10 unused.");
  await signOut(page);

  // The password alone no longer signs in: the form asks for the code, and refuses a wrong one.
  await submitPassword(page, email);
  await expect(page.getByLabel("Authentication code")).toBeVisible();
  const code = await nextCode(secret);
  await page.getByLabel("Authentication code").fill(code === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "was not accepted" })).toBeVisible();
  await page.getByLabel("Authentication code").fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("button", { name: /Account menu for/ })).toBeVisible();
  await signOut(page);

  await submitPassword(page, email);
  await page.getByRole("button", { name: "Use a recovery code instead" }).click();
  await page.getByLabel("Recovery code").fill(recoveryCodes[0]!);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("button", { name: /Account menu for/ })).toBeVisible();
  await page.goto("/account/security");
  await expect(page.getByTestId("recovery-codes-left")).toHaveText("9 of 10 unused.");
  await signOut(page);

  // A recovery code works once.
  await submitPassword(page, email);
  await page.getByRole("button", { name: "Use a recovery code instead" }).click();
  await page.getByLabel("Recovery code").fill(recoveryCodes[0]!);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "was not accepted" })).toBeVisible();
  // The refused sign-in attempts answer 401; nothing else may fail.
  expect(unexpectedErrors(errors, [{ status: 401, path: "/api/auth/callback/credentials" }])).toEqual([]);
  await context.close();
});

test("a CAB vote asks for the second factor in place, then goes through without retyping the comment", async ({
  browser,
  person,
  signedInAs,
  surfaceWithMap,
}) => {
  test.setTimeout(300_000);
  const title = `Step-up vote ${Date.now()}`;
  const surface = await surfaceWithMap(PAYMENTS);
  const raj = await signedInAs(surface.netopsOwner);
  await raj.page.goto("/changes/new");
  await raj.page.getByLabel("Title").fill(title);
  await pickSurface(raj.page, surface.name);
  await raj.page.getByLabel("Surface of the new flow").selectOption({ label: surface.name });
  await raj.page.getByLabel("Source", { exact: true }).selectOption({ label: "Fraud scoring (workload)" });
  await raj.page.getByLabel("Target", { exact: true }).selectOption({ label: "Cardholder database (datastore)" });
  await raj.page.getByLabel("Justification", { exact: true }).fill("Model features");
  await raj.page.getByRole("button", { name: "Add flow" }).click();
  await raj.page.getByLabel("Implementation plan").fill("Push the policy through the firewall manager.");
  await raj.page.getByLabel("Verification plan").fill("Synthetic probe from the source; watch deny logs.");
  await raj.page.getByLabel("Rollback plan").fill("Revert the policy commit.");
  await raj.page.getByRole("button", { name: "Save and submit" }).click();
  await expect(raj.page.getByText("CAB track")).toBeVisible({ timeout: 30_000 });
  const changeUrl = raj.page.url();
  expect(raj.errors()).toEqual([]);
  await raj.close();

  // Signed in with the password only, then a second factor set up: decisions now need that factor.
  const { email, name } = await person({ team: "SECOPS", roles: ["CAB_MEMBER"] });
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchConsole(page);
  await signInWithPassword(page, email);
  const { secret } = await enrolAuthenticator(page);

  await page.goto(changeUrl);
  await page.getByLabel("Comment").fill("Checked the TLS settings.");
  await page.getByRole("button", { name: "Approve", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Confirm it is you" });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Authentication code").fill(await nextCode(secret));
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(dialog).toBeHidden();
  const votes = page.getByRole("list", { name: "Votes" });
  await expect(votes).toContainText(name);
  await expect(votes).toContainText("Checked the TLS settings.");
  // The one refused request is the vote before the step-up.
  expect(unexpectedErrors(errors, [{ status: 403, path: /\/api\/v1\/changes\/[^/]+\/approvals$/ }])).toEqual([]);
  await context.close();
});

test("an administrator sees which roles require a second factor", async ({ signedInAs }) => {
  // Only looked at here: switching a role on would hold the people of parallel specs at enrolment.
  const alex = await signedInAs(AS.admin);
  await alex.page.goto("/admin/security");
  const table = alex.page.getByRole("table", { name: "Second factor required per role" });
  for (const role of ["Viewer", "Contributor", "Executive", "Admin"]) {
    const row = table.getByRole("row").filter({ hasText: role });
    await expect(row).toContainText("Optional");
    await expect(row).toContainText("Default");
  }
  expect(alex.errors()).toEqual([]);
});

test("add a passkey and sign in with it as the second factor", async ({ browser, person }) => {
  test.setTimeout(240_000);
  const { email } = await person({ team: "NETOPS", roles: ["CONTRIBUTOR"] });
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchConsole(page);
  // Chromium's virtual authenticator stands in for a security key or a phone.
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  await signInWithPassword(page, email);
  await page.goto("/account/security");
  await page.getByLabel("Passkey name").fill("Test key");
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByRole("region", { name: "Passkeys" })).toContainText("Test key");
  await expect(page.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
  await page.getByRole("button", { name: "I have saved them" }).click();
  await signOut(page);

  await submitPassword(page, email);
  await page.getByRole("button", { name: "Use a passkey" }).click();
  await expect(page.getByRole("button", { name: /Account menu for/ })).toBeVisible();
  // The password step answers 401 "MfaRequired"; nothing else may fail.
  expect(unexpectedErrors(errors, [{ status: 401, path: "/api/auth/callback/credentials" }])).toEqual([]);
  await context.close();
});
