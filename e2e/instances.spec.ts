import { spawn, type ChildProcess } from "node:child_process";
import { expect, test, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { Webhook } from "standardwebhooks";
import { startWebhookReceiver, type TWebhookReceiver } from "../lib/test/webhook-receiver";
import { DEMO, openAs } from "./helpers";
import { createChangeInReview, scheduleMeeting, startMeeting } from "./support/cab";
import { AS, createPerson, createSurfaceWithMap } from "./support/records";
import { PAYMENTS } from "./support/surfaces";

/**
 * Two more production servers (the build the suite made) on the suite's Postgres database, as a
 * scaled-out deployment runs them: a live edit made through one reaches a map open on the other, a
 * webhook event is delivered once although both run the outbox worker, and the daily snapshot is
 * taken by one of them only.
 */
const BASE_PORT = Number(process.env.E2E_PORT ?? 3100);
// Always set: the e2e configuration runs on Postgres (DATABASE_URL or the local server), the one database two instances can share.
const DATABASE_URL = process.env.DATABASE_URL;

type TInstance = { name: string; url: string; process: ChildProcess; output: () => string; exited: Promise<number | null> };

function startInstance(name: string, port: number): TInstance {
  const child = spawn("node_modules/.bin/next", ["start", "-p", String(port)], {
    env: {
      ...process.env,
      PORT: String(port),
      CONCORD_ENV: "test",
      // The suite server's folder: with Postgres it only holds the shared signing secret, so sessions work on every instance.
      CONCORD_DATA_DIR: ".data/e2e-secret",
      CONCORD_SHUTDOWN_GRACE_SECONDS: "5",
      CONCORD_SNAPSHOTS: "on",
      CONCORD_WEBHOOK_PRIVATE_TARGETS: "allow",
      LOGIN_ATTEMPTS_PER_15_MINUTES: "1000",
      LOGIN_ATTEMPTS_PER_ADDRESS_PER_HOUR: "100000",
      AUDIT_CHECKPOINT_KEY: "test-only-audit-checkpoint-key-0123456789abcdef",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: "pipe",
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { name, url: `http://localhost:${port}`, process: child, output: () => output, exited };
}

async function ready(instance: TInstance) {
  await expect
    .poll(async () => (await fetch(`${instance.url}/api/health/ready`).catch(() => null))?.status ?? 0, {
      timeout: 120_000,
      intervals: [1_000],
    })
    .toBe(200);
}

async function createSurface(request: APIRequestContext, name: string): Promise<string> {
  const created = await request.post("/api/v1/surfaces", { data: { name, criticality: "LOW" } });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

let database: pg.Client;
let receiver: TWebhookReceiver;
let instances: TInstance[] = [];
let snapshotAuditsBefore = 0;
const today = new Date().toISOString().slice(0, 10);

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  database = new pg.Client({ connectionString: DATABASE_URL });
  await database.connect();
  // Today's snapshot is taken again by the new instances: one of them, once.
  await database.query(`DELETE FROM "MetricSnapshot" WHERE "takenOn" = $1::date`, [today]);
  snapshotAuditsBefore = Number(
    (await database.query(`SELECT count(*) FROM "AuditEvent" WHERE action = 'metrics.snapshot.create' AND "entityId" = $1`, [today]))
      .rows[0].count,
  );
  receiver = await startWebhookReceiver();
  instances = [startInstance("A", BASE_PORT + 1100), startInstance("B", BASE_PORT + 1200)];
  await Promise.all(instances.map(ready));
});

test.afterAll(async () => {
  for (const instance of instances) if (instance.process.exitCode === null) instance.process.kill("SIGTERM");
  await Promise.all(instances.map((instance) => Promise.race([instance.exited, new Promise((resolve) => setTimeout(resolve, 15_000))])));
  for (const instance of instances) if (instance.process.exitCode === null) instance.process.kill("SIGKILL");
  await (receiver as TWebhookReceiver | undefined)?.close();
  await (database as pg.Client | undefined)?.end();
});

test("a live edit made on instance A appears on the map open on instance B", async ({ browser }) => {
  test.setTimeout(180_000);
  const [a, b] = instances as [TInstance, TInstance];
  const onB = await openAs(browser, DEMO.netops, { baseURL: b.url });
  const onA = await openAs(browser, DEMO.netops, { baseURL: a.url });
  const surfaceId = await createSurface(onA.page.request, `Two instances ${Date.now()}`);
  expect(
    (
      await onA.page.request.post(`/api/v1/surfaces/${surfaceId}/map/nodes`, {
        data: { kind: "WORKLOAD", label: "first on A", x: 0, y: 0 },
      })
    ).status(),
  ).toBe(201);

  await onB.page.goto(`/surfaces/${surfaceId}/map`);
  await expect(onB.page.getByText("first on A", { exact: true })).toBeVisible();
  const label = `live from A ${Date.now()}`;
  expect(
    (await onA.page.request.post(`/api/v1/surfaces/${surfaceId}/map/nodes`, { data: { kind: "SERVICE", label, x: 240, y: 0 } })).status(),
  ).toBe(201);
  // B never reloads: the edit reaches it through its live stream (Postgres LISTEN/NOTIFY between the instances).
  await expect(onB.page.getByText(label, { exact: true })).toBeVisible({ timeout: 30_000 });
  expect(onB.errors()).toEqual([]);
  await onA.close();
  await onB.close();
});

test("a vote cast through instance A appears on the CAB meeting open on instance B, without a click", async ({ browser }) => {
  test.setTimeout(180_000);
  const [a, b] = instances as [TInstance, TInstance];
  const surface = await createSurfaceWithMap(PAYMENTS);
  const title = `Across instances ${Date.now()}`;
  const change = await createChangeInReview(surface.netopsOwner, surface, title);
  const chair = await createPerson(AS.secopsCab);
  const meeting = await scheduleMeeting(chair, `Instances CAB ${Date.now()}`, 1);
  await startMeeting(chair, meeting.id);

  const onB = await openAs(browser, DEMO.secopsLead, { baseURL: b.url });
  await onB.page.goto(`/cab/${meeting.id}`);
  await onB.page
    .getByRole("list", { name: "Agenda" })
    .getByRole("button", { name: new RegExp(title) })
    .click();
  await expect(onB.page.getByText("No votes in this meeting yet.")).toBeVisible();
  const onA = await openAs(browser, DEMO.netopsLead, { baseURL: a.url });
  const voted = await onA.page.request.post(`/api/v1/changes/${change.id}/approvals`, {
    data: { decision: "APPROVE", comment: "Voted on instance A", meetingId: meeting.id },
  });
  expect(voted.status()).toBe(200);
  // B never reloads: the vote reaches its meeting stream through Postgres LISTEN/NOTIFY.
  await expect(onB.page.getByRole("list", { name: "Meeting votes" })).toContainText("Voted on instance A", { timeout: 30_000 });
  expect(onB.errors()).toEqual([]);
  await onA.close();
  await onB.close();
});

test("a webhook event is delivered once although both instances run the outbox worker", async ({ browser }) => {
  test.setTimeout(180_000);
  const [a] = instances as [TInstance, TInstance];
  const admin = await openAs(browser, DEMO.admin, { baseURL: a.url });
  const subscribed = await admin.page.request.post("/api/v1/webhooks", {
    data: { url: receiver.url, description: "Two instances", eventTypes: ["change.submitted"] },
  });
  expect(subscribed.status()).toBe(201);
  const { secret, subscription } = (await subscribed.json()) as { secret: string; subscription: { id: string } };

  const raj = await openAs(browser, DEMO.netops, { baseURL: a.url });
  const surfaceId = await createSurface(raj.page.request, `Webhook instances ${Date.now()}`);
  const created = await raj.page.request.post("/api/v1/changes", {
    data: { title: `Two instances ${Date.now()}`, surfaceIds: [surfaceId] },
  });
  expect(created.status()).toBe(201);
  const change = (await created.json()) as { id: string };
  expect((await raj.page.request.post(`/api/v1/changes/${change.id}/submit`)).status()).toBe(200);

  const forThisChange = () =>
    receiver.received.filter((request) => (JSON.parse(request.body) as { data: { changeId?: string } }).data.changeId === change.id);
  await expect.poll(() => forThisChange().length, { timeout: 60_000 }).toBe(1);
  // Several polls of every worker later, still one.
  await new Promise((resolve) => setTimeout(resolve, 8_000));
  expect(forThisChange()).toHaveLength(1);
  const [delivery] = forThisChange();
  expect(new Webhook(secret).verify(delivery!.body, delivery!.headers)).toMatchObject({
    type: "change.submitted",
    data: { changeId: change.id },
  });
  // Switched off again, so later specs' changes are not sent to a receiver that is gone.
  expect((await admin.page.request.patch(`/api/v1/webhooks/${subscription.id}`, { data: { active: false } })).status()).toBe(200);
  await raj.close();
  await admin.close();
});

test("the daily snapshot is taken once across the two instances", async () => {
  test.setTimeout(180_000);
  // Each instance checks 30 s after it starts; the advisory lock admits one writer.
  await expect
    .poll(
      async () =>
        Number(
          (await database.query(`SELECT count(*) FROM "AuditEvent" WHERE action = 'metrics.snapshot.create' AND "entityId" = $1`, [today]))
            .rows[0].count,
        ),
      { timeout: 120_000, intervals: [2_000] },
    )
    .toBe(snapshotAuditsBefore + 1);
  // Both have had their turn by now: still one run, and one instance says it took it.
  await new Promise((resolve) => setTimeout(resolve, 10_000));
  const audits = Number(
    (await database.query(`SELECT count(*) FROM "AuditEvent" WHERE action = 'metrics.snapshot.create' AND "entityId" = $1`, [today]))
      .rows[0].count,
  );
  expect(audits).toBe(snapshotAuditsBefore + 1);
  const rows = await database.query<{ metricKey: string }>(`SELECT "metricKey" FROM "MetricSnapshot" WHERE "takenOn" = $1::date`, [today]);
  expect(rows.rows.length).toBeGreaterThan(0);
  expect(new Set(rows.rows.map((row) => row.metricKey)).size).toBe(rows.rows.length);
  expect(instances.filter((instance) => instance.output().includes("daily snapshot taken")).map((instance) => instance.name)).toHaveLength(
    1,
  );
});
