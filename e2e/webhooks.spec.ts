import { Webhook } from "standardwebhooks";
import { startWebhookReceiver, type TWebhookReceiver } from "../lib/test/webhook-receiver";
import { AS, expect, test } from "./fixtures";

let receiver: TWebhookReceiver;
test.beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
test.afterAll(async () => {
  // Undefined when the database setup before it failed: leave that error alone.
  await (receiver as TWebhookReceiver | undefined)?.close();
});

test("an admin subscribes a local receiver in the UI, and a submitted change arrives there signed", async ({
  signedInAs,
  surfaceWithMap,
}) => {
  // The delivery worker polls: more than the default minute on a busy machine.
  test.setTimeout(180_000);
  const admin = await signedInAs(AS.admin);
  await admin.page.goto("/admin/webhooks");
  await admin.page.getByRole("button", { name: "New subscription" }).first().click();
  const dialog = admin.page.getByRole("dialog", { name: "New webhook subscription" });
  await dialog.getByLabel("Receiver URL").fill("ftp://nowhere.example");
  await dialog.getByRole("button", { name: "Create subscription" }).click();
  await expect(dialog.getByText("must use http or https")).toBeVisible();
  await expect(dialog.getByText("choose at least one event type")).toBeVisible();

  await dialog.getByLabel("Receiver URL").fill(receiver.url);
  await dialog.getByLabel("Description").fill("End-to-end receiver");
  await dialog.getByRole("checkbox", { name: "change.submitted" }).check();
  await dialog.getByRole("button", { name: "Create subscription" }).click();
  const secret = (await admin.page.getByTestId("one-time-secret").textContent())?.trim() ?? "";
  expect(secret).toMatch(/^whsec_/);
  await admin.page.getByRole("button", { name: "Done" }).click();
  const row = admin.page.getByRole("row", { name: new RegExp(receiver.url.replaceAll(".", "\\.")) });
  await expect(row.getByText("Enabled")).toBeVisible();

  // A contributor submits a change: the event the receiver subscribed to.
  const surface = await surfaceWithMap();
  const raj = await signedInAs(surface.netopsOwner);
  const created = await raj.page.request.post("/api/v1/changes", {
    data: { title: `Webhook e2e ${Date.now()}`, surfaceIds: [surface.id] },
  });
  expect(created.status()).toBe(201);
  const change = (await created.json()) as { id: string };
  expect((await raj.page.request.post(`/api/v1/changes/${change.id}/submit`)).status()).toBe(200);

  const forThisChange = () =>
    receiver.received.filter((request) => (JSON.parse(request.body) as { data: { changeId?: string } }).data.changeId === change.id);
  await expect.poll(() => forThisChange().length, { timeout: 60_000 }).toBe(1);
  const [delivery] = forThisChange();
  const verified = new Webhook(secret).verify(delivery!.body, delivery!.headers) as {
    type: string;
    data: { changeId: string; to: string };
  };
  expect(verified).toMatchObject({ type: "change.submitted", data: { changeId: change.id, to: "SUBMITTED" } });
  expect(delivery!.headers["webhook-id"]).toMatch(/^msg_/);

  // The delivery log shows it delivered, with its message id.
  await row.getByRole("link", { name: receiver.url }).click();
  await expect(admin.page.getByRole("heading", { name: "Webhook deliveries" })).toBeVisible();
  const logRow = admin.page.getByRole("row", { name: new RegExp(delivery!.headers["webhook-id"]!) });
  await expect(logRow.getByText("Delivered")).toBeVisible();

  expect(admin.errors([{ path: "/api/v1/webhooks", status: 400 }])).toEqual([]);
  expect(raj.errors()).toEqual([]);
});
