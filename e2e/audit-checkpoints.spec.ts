import { AS, expect, test } from "./fixtures";

test("an administrator signs a checkpoint of the audit chain, and the verification holds the chain against it", async ({ signedInAs }) => {
  const admin = await signedInAs(AS.admin);
  await admin.page.goto("/admin/audit");
  await admin.page.getByRole("button", { name: "Sign checkpoint" }).click();
  const signed = admin.page.getByText(/Checkpoint #(\d+) signed: [\d,]+ events? up to event #\d+\./);
  await expect(signed).toBeVisible();
  // The checkpoint's own audit event is listed.
  await expect(admin.page.getByTestId("audit-row").filter({ hasText: "audit.checkpoint" }).first()).toBeVisible();

  await admin.page.getByRole("button", { name: "Verify chain" }).click();
  await expect(admin.page.getByText(/Chain intact: [\d,]+ events verified/)).toBeVisible();
  await expect(admin.page.getByText(/Anchored by checkpoint #\d+ of .+: [\d,]+ events up to event #\d+\./)).toBeVisible();
  expect(admin.errors()).toEqual([]);
});
