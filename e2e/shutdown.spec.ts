import { spawn, type ChildProcess } from "node:child_process";
import { AS, expect, test } from "./fixtures";

/**
 * A second production server (the build the suite made), stopped with SIGTERM while a live map
 * stream is open: the stream is told to reconnect and closed, and the process exits 0.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100) + 1000;
const baseURL = `http://localhost:${PORT}`;
const dataDir = ".data/e2e-shutdown";
const env = {
  ...process.env,
  PORT: String(PORT),
  CONCORD_ENV: "test",
  CONCORD_DATA_DIR: dataDir,
  CONCORD_SHUTDOWN_GRACE_SECONDS: "10",
  CONCORD_SNAPSHOTS: "off",
  LOGIN_ATTEMPTS_PER_15_MINUTES: "1000",
  NEXT_TELEMETRY_DISABLED: "1",
};

let server: ChildProcess;
let exited: Promise<number | null>;
let output = "";

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  server = spawn("node_modules/.bin/next", ["start", "-p", String(PORT)], { env, stdio: "pipe" });
  server.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  exited = new Promise((resolve) => server.on("exit", (code) => resolve(code)));
  await expect
    .poll(async () => (await fetch(`${baseURL}/api/health/ready`).catch(() => null))?.status ?? 0, { timeout: 120_000, intervals: [1_000] })
    .toBe(200);
});

test.afterAll(() => {
  if (server.exitCode === null) server.kill("SIGKILL");
});

test("SIGTERM closes open live streams with a reconnect event and exits 0", async ({ signedInAs }) => {
  test.setTimeout(180_000);
  expect((await fetch(`${baseURL}/api/health/live`)).status).toBe(200);
  // Cookies are per host, not per port: the session works on this second server of the same database.
  const { page } = await signedInAs(AS.netops, { baseURL });
  // The stream is opened from a page of this server, as the map editor opens it.
  await page.goto("/dashboard");
  await expect(page.getByRole("button", { name: /Account menu for/ })).toBeVisible();
  const created = await page.request.post("/api/v1/surfaces", { data: { name: `Shutdown ${Date.now()}`, criticality: "LOW" } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  await page.evaluate((surfaceId) => {
    const seen: string[] = [];
    (window as unknown as { seen: string[] }).seen = seen;
    const source = new EventSource(`/api/v1/surfaces/${surfaceId}/map/events`);
    for (const name of ["hello", "reconnect"]) source.addEventListener(name, () => seen.push(name));
    source.onerror = () => seen.push("closed");
  }, id);
  const seen = () => page.evaluate(() => (window as unknown as { seen: string[] }).seen);
  await expect.poll(seen, { timeout: 30_000 }).toContain("hello");

  server.kill("SIGTERM");
  // Told to reconnect, then the stream ends (the browser sees the connection close).
  await expect.poll(seen, { timeout: 30_000 }).toEqual(expect.arrayContaining(["hello", "reconnect", "closed"]));
  const events = await seen();
  expect(events.indexOf("reconnect")).toBeLessThan(events.indexOf("closed"));
  expect(await exited, output).toBe(0);
  expect(output).toContain("shutdown complete");
  // Nothing answers any more: the process is gone, not hanging on the stream.
  expect(
    await fetch(`${baseURL}/api/health/live`)
      .then((response) => response.status)
      .catch(() => "refused"),
  ).toBe("refused");
});
