import { expect, test } from "@playwright/test";
import { DEMO, openAs } from "./helpers";

type TPerson = { id: string; name: string; email: string };

test("an admin replaces a surface's SecOps owner only with a reason; the sign-offs fall and the replaced owner is told", async ({ browser }) => {
  test.setTimeout(180_000);
  const name = `Owner handover ${Date.now()}`;
  const raj = await openAs(browser, DEMO.netops);
  const { people } = (await (await raj.page.request.get("/api/v1/surfaces/people")).json()) as { people: TPerson[] };
  const personBy = (email: string) => people.find((person) => person.email === email)!;
  const created = await raj.page.request.post("/api/v1/surfaces", {
    data: { name, criticality: "HIGH", netopsOwnerId: personBy(DEMO.netops).id, secopsOwnerId: personBy(DEMO.secops).id, elements: [{ type: "DATA", name: "Ledger", classification: "RESTRICTED" }] },
  });
  expect(created.status()).toBe(201);
  const surfaceId = ((await created.json()) as { id: string }).id;
  expect((await raj.page.request.post(`/api/v1/surfaces/${surfaceId}/submit`)).status()).toBe(200);
  expect((await raj.page.request.post(`/api/v1/surfaces/${surfaceId}/signoffs`, { data: { version: 1 } })).status()).toBe(200);

  const alex = await openAs(browser, DEMO.admin);
  await alex.page.goto(`/surfaces/${surfaceId}`);
  const panel = alex.page.getByRole("region", { name: "Replace an owner" });
  await panel.getByLabel("Team").selectOption("SECOPS");
  await panel.getByLabel("New SecOps owner").selectOption({ label: "Tom Becker" });
  await panel.getByRole("button", { name: "Replace owner" }).click();
  await expect(alex.page.getByText(/an admin replacing the SecOps owner states why/)).toBeVisible();
  await expect(alex.page.getByTestId("surface-version")).toHaveText("Version 1");

  await panel.getByLabel("Reason").fill("Priya moved to the identity programme.");
  await panel.getByRole("button", { name: "Replace owner" }).click();
  await expect(alex.page.getByTestId("surface-version")).toHaveText("Version 2");
  await expect(alex.page.getByTestId("signoff-netops")).toContainText("not signed yet");
  await expect(alex.page.getByTestId("signoff-secops")).toContainText("owner Tom Becker");
  expect(alex.errors([{ status: 400, path: `/api/v1/surfaces/${surfaceId}/owners` }])).toEqual([]);
  await alex.close();

  const priya = await openAs(browser, DEMO.secops);
  await priya.page.goto("/surfaces");
  await priya.page.getByRole("button", { name: /^Notifications, \d+ unread$/ }).click();
  await expect(priya.page.getByRole("list", { name: "Recent notifications" }).getByRole("listitem").filter({ hasText: `You are no longer the SecOps owner of ${name}` })).toContainText("Priya moved to the identity programme.");
  expect(priya.errors()).toEqual([]);
  await priya.close();
  expect(raj.errors()).toEqual([]);
  await raj.close();
});
