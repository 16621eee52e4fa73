import { AS, expect, test } from "./fixtures";

test("an admin replaces a surface's SecOps owner only with a reason; the sign-offs fall and the replaced owner is told", async ({
  signedInAs,
  person,
}) => {
  const name = `Owner handover ${Date.now()}`;
  const raj = await signedInAs(AS.netops);
  const priya = await person(AS.secops);
  const successor = await person(AS.secops);
  const created = await raj.page.request.post("/api/v1/surfaces", {
    data: {
      name,
      criticality: "HIGH",
      netopsOwnerId: raj.person.id,
      secopsOwnerId: priya.id,
      elements: [{ type: "DATA", name: "Ledger", classification: "RESTRICTED" }],
    },
  });
  expect(created.status()).toBe(201);
  const surfaceId = ((await created.json()) as { id: string }).id;
  expect((await raj.page.request.post(`/api/v1/surfaces/${surfaceId}/submit`)).status()).toBe(200);
  expect((await raj.page.request.post(`/api/v1/surfaces/${surfaceId}/signoffs`, { data: { version: 1 } })).status()).toBe(200);

  const alex = await signedInAs(AS.admin);
  await alex.page.goto(`/surfaces/${surfaceId}`);
  const panel = alex.page.getByRole("region", { name: "Replace an owner" });
  await panel.getByLabel("Team").selectOption("SECOPS");
  await panel.getByLabel("New SecOps owner").selectOption({ label: successor.name });
  await panel.getByRole("button", { name: "Replace owner" }).click();
  await expect(alex.page.getByText(/an admin replacing the SecOps owner states why/)).toBeVisible();
  await expect(alex.page.getByTestId("surface-version")).toHaveText("Version 1");

  await panel.getByLabel("Reason").fill("Priya moved to the identity programme.");
  await panel.getByRole("button", { name: "Replace owner" }).click();
  await expect(alex.page.getByTestId("surface-version")).toHaveText("Version 2");
  await expect(alex.page.getByTestId("signoff-netops")).toContainText("not signed yet");
  await expect(alex.page.getByTestId("signoff-secops")).toContainText(`owner ${successor.name}`);
  expect(alex.errors([{ status: 400, path: `/api/v1/surfaces/${surfaceId}/owners` }])).toEqual([]);
  await alex.close();

  const replaced = await signedInAs(priya);
  await replaced.page.goto("/surfaces");
  await replaced.page.getByRole("button", { name: /^Notifications, \d+ unread$/ }).click();
  await expect(
    replaced.page
      .getByRole("list", { name: "Recent notifications" })
      .getByRole("listitem")
      .filter({ hasText: `You are no longer the SecOps owner of ${name}` }),
  ).toContainText("Priya moved to the identity programme.");
  expect(replaced.errors()).toEqual([]);
  await replaced.close();
  expect(raj.errors()).toEqual([]);
  await raj.close();
});
