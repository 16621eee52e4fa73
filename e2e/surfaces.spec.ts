import type { Page } from "@playwright/test";
import { AS, expect, test, type TPerson } from "./fixtures";

async function createSurface(page: Page, name: string, secopsOwner: TPerson): Promise<string> {
  await page.goto("/surfaces");
  await page.getByRole("link", { name: "New surface" }).click();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Purpose").fill("Settle partner invoices; agreed in the e2e journey.");
  await page.getByLabel("Criticality").selectOption("HIGH");
  await page.getByLabel("SecOps owner").selectOption({ label: secopsOwner.name });
  await page.getByLabel("Tags").fill("e2e, invoices");
  for (const [index, element] of [
    { name: "Invoice database", type: "DATA", classification: "CONFIDENTIAL" },
    { name: "Billing API", type: "APPLICATION", classification: "INTERNAL" },
  ].entries()) {
    await page.getByRole("button", { name: "Add element" }).click();
    const group = page.getByRole("group", { name: `Element ${index + 1}` });
    await group.getByLabel("Element name").fill(element.name);
    await group.getByLabel("Type").selectOption(element.type);
    await group.getByLabel("Element classification").selectOption(element.classification);
  }
  await page.getByRole("button", { name: "Create surface" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return page.url();
}

test("NetOps and SecOps agree a surface together, and an edit reopens it as version 2 with a diff", async ({ signedInAs }, testInfo) => {
  const name = `Invoice settlement ${Date.now()}`;
  const raj = await signedInAs(AS.netops);
  const priya = await signedInAs(AS.secops);
  const [rajName, priyaName] = [raj.person.name, priya.person.name];
  // Mentions are by the part of the email before the @.
  const [rajHandle, priyaHandle] = [raj.person.email.split("@")[0], priya.person.email.split("@")[0]];
  const url = await createSurface(raj.page, name, priya.person);
  await expect(raj.page.getByTestId("surface-status")).toHaveText("Draft");
  await expect(raj.page.getByRole("table", { name: "DAAS elements" })).toContainText("Invoice database");
  await raj.page.getByRole("button", { name: "Submit for review" }).click();
  await expect(raj.page.getByTestId("surface-status")).toHaveText("In review");

  await priya.page.goto("/surfaces");
  await priya.page.getByRole("button", { name: /Waiting on my team/ }).click();
  await priya.page.getByRole("link", { name }).click();
  await expect(priya.page.getByRole("heading", { level: 1, name })).toBeVisible();
  await priya.page.getByLabel("New comment: Discussion").fill(`@${rajHandle} does the billing API reach the database over TLS?`);
  await priya.page.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(priya.page.getByTestId("comment-thread")).toContainText("does the billing API reach the database");
  await priya.page.getByRole("button", { name: "Sign off version 1" }).click();
  await expect(priya.page.getByTestId("signoff-secops")).toContainText(`signed off by ${priyaName}`);
  await expect(priya.page.getByTestId("surface-status")).toHaveText("In review");
  // One person never gives both sign-offs.
  await expect(priya.page.getByRole("button", { name: /Sign off version/ })).toHaveCount(0);

  await raj.page.reload();
  await expect(raj.page.getByTestId("comment-thread")).toContainText(`@${rajHandle}`);
  await raj.page.getByRole("button", { name: "Sign off version 1" }).click();
  await expect(raj.page.getByTestId("surface-status")).toHaveText("Agreed");
  await expect(raj.page.getByRole("list", { name: "Versions" })).toContainText(
    new RegExp(`agreed · signed off by (${priyaName} and ${rajName}|${rajName} and ${priyaName})`),
  );

  await raj.page.getByRole("button", { name: "Edit" }).click();
  await raj.page.getByLabel("Criticality").selectOption("CRITICAL");
  await raj.page.getByRole("group", { name: "Element 2" }).getByLabel("Element classification").selectOption("RESTRICTED");
  await raj.page.getByRole("button", { name: "Save changes" }).click();
  await expect(raj.page.getByTestId("surface-version")).toHaveText("Version 2");
  await expect(raj.page.getByTestId("surface-status")).toHaveText("In review");
  const diff = raj.page.getByTestId("version-diff");
  await expect(diff).toContainText("Criticality");
  await expect(diff.getByRole("row", { name: "Criticality High Critical" })).toBeVisible();
  await expect(diff).toContainText("Element Billing API: classification Internal → Restricted");

  await raj.page.screenshot({ path: testInfo.outputPath("surface-light.png"), fullPage: true });
  await raj.page.emulateMedia({ colorScheme: "dark" });
  await raj.page.screenshot({ path: testInfo.outputPath("surface-dark.png"), fullPage: true });
  await raj.page.getByRole("button", { name: "Add statement" }).click();
  const statement = {
    Who: "billing-api service account",
    What: "invoice database (read/write)",
    When: "always",
    Where: "finance zone",
    Why: "settle partner invoices",
    How: "TLS on 5432, certificate auth",
  };
  for (const [label, value] of Object.entries(statement))
    await raj.page.getByRole("form", { name: "New statement" }).getByLabel(label, { exact: true }).fill(value);
  await raj.page.getByRole("button", { name: "Add statement" }).last().click();
  await expect(raj.page.getByTestId("kipling-statement")).toContainText("settle partner invoices");

  await raj.page.goto(`${url}/workshop`);
  await expect(raj.page.getByRole("heading", { name: "Decisions" })).toBeVisible();
  await raj.page
    .getByLabel("New comment: Questions on Billing API")
    .fill(`@${priyaHandle} is mTLS required between the API and the database?`);
  await raj.page.getByRole("region", { name: "Questions on Billing API" }).getByRole("button", { name: "Comment", exact: true }).click();
  await expect(raj.page.getByRole("region", { name: "Questions on Billing API" }).getByTestId("comment-thread")).toContainText(
    "mTLS required",
  );
  await raj.page.getByLabel("New decision").fill("TLS with certificate auth is enough inside the finance zone.");
  await raj.page.getByRole("button", { name: "Record decision" }).click();
  await expect(raj.page.locator("[aria-labelledby=decisions-heading]")).toContainText("certificate auth is enough");
  await raj.page.screenshot({ path: testInfo.outputPath("workshop-dark.png"), fullPage: true });
  await raj.page.emulateMedia({ colorScheme: "light" });
  await raj.page.screenshot({ path: testInfo.outputPath("workshop-light.png"), fullPage: true });
  await priya.page.goto("/surfaces");
  await expect(priya.page.getByRole("table", { name: "Protect surfaces" })).toContainText(name);
  await priya.page.screenshot({ path: testInfo.outputPath("list-light.png"), fullPage: true });
  await priya.page.emulateMedia({ colorScheme: "dark" });
  await priya.page.screenshot({ path: testInfo.outputPath("list-dark.png"), fullPage: true });

  expect(raj.errors()).toEqual([]);
  expect(priya.errors()).toEqual([]);
});

test("two people editing the same surface: the second save gets a clear conflict message", async ({ signedInAs }, testInfo) => {
  const raj = await signedInAs(AS.netops);
  const priya = await signedInAs(AS.secops);
  const url = await createSurface(raj.page, `Conflict check ${Date.now()}`, priya.person);
  await priya.page.goto(url);

  await raj.page.getByRole("button", { name: "Edit" }).click();
  await priya.page.getByRole("button", { name: "Edit" }).click();
  await raj.page.getByLabel("Notes").fill("Raj: scope includes the archive.");
  await priya.page.getByLabel("Notes").fill("Priya: archive is out of scope.");
  await raj.page.getByRole("button", { name: "Save changes" }).click();
  await expect(raj.page.getByTestId("surface-version")).toHaveText("Version 2");

  await priya.page.getByRole("button", { name: "Save changes" }).click();
  const conflict = priya.page.getByRole("alert").filter({ hasText: "someone else saved this surface" });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText("Your changes were not saved");
  await expect(conflict).toContainText("version 2");
  await priya.page.screenshot({ path: testInfo.outputPath("conflict-light.png"), fullPage: true });
  // Nothing was overwritten: Raj's notes stand.
  await raj.page.reload();
  // The saved notes (the history's diff may show the same words too).
  await expect(raj.page.getByRole("definition").filter({ hasText: "Raj: scope includes the archive." })).toBeVisible();
  // Loading the latest version shows the other person's edit in the form.
  await conflict.getByRole("button", { name: "Load the latest version" }).click();
  await expect(priya.page.getByLabel("Notes")).toHaveValue("Raj: scope includes the archive.");

  expect(raj.errors()).toEqual([]);
  expect(priya.errors([{ status: 409, path: /^\/api\/v1\/surfaces\// }])).toEqual([]);
});

test("a viewer reads surfaces but gets no edit controls, and the API refuses their write", async ({ signedInAs, surfaceWithMap }) => {
  const surface = await surfaceWithMap();
  const { page } = await signedInAs(AS.viewer);
  await page.goto("/surfaces");
  // Found by name, as a reader would: surfaces other tests made may fill the first page.
  await page.getByRole("searchbox", { name: "Search" }).fill(surface.name);
  await page.getByRole("link", { name: surface.name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: surface.name })).toBeVisible();
  await expect(page.getByRole("button", { name: "Edit" })).toHaveCount(0);
  const response = await page.request.post("/api/v1/surfaces", { data: { name: "Sneaky", criticality: "LOW" } });
  expect(response.status()).toBe(403);
  const invalid = await page.request.get("/api/v1/surfaces?criticality=EXTREME");
  expect(invalid.status()).toBe(400);
});
