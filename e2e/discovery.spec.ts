import crypto from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, openAs } from "./helpers";

const V2_HEADER = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";

/** A VPC flow log v2 file: the given connections, then `filler` more lines between two quiet hosts. */
function vpcFile(connections: Array<[string, string, number]>, filler = 0): Buffer {
  const start = Math.floor(Date.now() / 1000) - 3600;
  const lines = [V2_HEADER];
  for (const [index, [source, destination, port]] of connections.entries())
    lines.push(
      `2 123456789012 eni-0a1b2c ${source} ${destination} ${40000 + index} ${port} 6 10 840 ${start + index} ${start + index + 60} ACCEPT OK`,
    );
  for (let index = 0; index < filler; index += 1)
    lines.push(
      `2 123456789012 eni-0a1b2c 192.0.2.${index % 250} 198.51.100.${index % 200} ${30000 + (index % 30000)} 443 6 3 180 ${start} ${start + 60} ACCEPT OK`,
    );
  return Buffer.from(`${lines.join("\n")}\n`);
}

/** A new surface of the user's own, with web, db and cache nodes and two drawn flows, through the API. */
async function surfaceWithMap(page: Page, name: string): Promise<string> {
  const created = await page.request.post("/api/v1/surfaces", { data: { name, criticality: "LOW" } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const [web, db, cache] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
  const operations = [
    { op: "createNode", node: { id: web, kind: "WORKLOAD", label: "web", addresses: ["10.0.0.10"], x: 0, y: 0 } },
    { op: "createNode", node: { id: db, kind: "DATASTORE", label: "db", addresses: ["10.0.1.0/24"], x: 400, y: 0 } },
    { op: "createNode", node: { id: cache, kind: "SERVICE", label: "cache", addresses: ["10.0.2.5"], x: 200, y: 250 } },
    { op: "createEdge", edge: { sourceId: web, targetId: db, protocol: "TCP", ports: "5432" } },
    { op: "createEdge", edge: { sourceId: web, targetId: cache, protocol: "TCP", ports: "11211" } },
  ];
  expect((await page.request.post(`/api/v1/surfaces/${id}/map/batch`, { data: { reason: "paste", operations } })).status()).toBe(200);
  return id;
}

test.describe("discovery", () => {
  test("uploads a flow log with a progress bar, shows seen/unseen flows and ghost edges, and proposes two flows", async ({ browser }) => {
    const { page, errors, close } = await openAs(browser, DEMO.netops, { viewport: { width: 1600, height: 1100 } });
    const id = await surfaceWithMap(page, `Discovery e2e ${crypto.randomBytes(3).toString("hex")}`);
    await page.goto(`/surfaces/${id}/map`);
    await expect(page.getByTestId("live-status")).toHaveText("Live");

    await page.getByRole("button", { name: "Import flow logs" }).click();
    const dialog = page.getByRole("dialog", { name: "Import flow logs" });
    // Enough quiet lines that the upload is still running when the progress bar is looked for.
    const file = vpcFile(
      [
        ["10.0.0.10", "10.0.1.7", 5432],
        ["10.0.0.10", "10.0.1.7", 22],
        ["10.0.2.5", "10.0.1.8", 6379],
      ],
      150_000,
    );
    await dialog.getByLabel("File").setInputFiles({ name: "flows.log", mimeType: "text/plain", buffer: file });
    await dialog.getByRole("button", { name: "Import" }).click();
    await expect(dialog.getByRole("progressbar", { name: "Import progress" })).toBeVisible();
    await expect(dialog.getByRole("status")).toContainText("Imported:", { timeout: 60_000 });
    await dialog.getByRole("button", { name: "Close", exact: true }).first().click();

    await page.getByRole("button", { name: "Show observed traffic" }).click();
    await expect(page.getByTestId("overlay-summary")).toContainText("1 drawn flows seen · 1 not seen");
    await expect(page.getByTestId("map-edge-label").filter({ hasText: /seen 1×/ })).toBeVisible();
    const ghosts = page.getByTestId("ghost-edge");
    await expect(ghosts).toHaveCount(2);
    await page.getByLabel(/web → db · TCP\/22/).check();
    await page.getByLabel(/cache → db · TCP\/6379/).check();
    await page.getByRole("button", { name: "Propose 2 as flows" }).click();
    await expect(page.getByText("2 flows proposed")).toBeVisible();
    await expect(ghosts).toHaveCount(0);
    expect(errors()).toEqual([]);
    await close();
  });

  test("cancels an import from the Discovery page: nothing of it is kept", async ({ browser }) => {
    const { page, errors, close } = await openAs(browser, DEMO.netops);
    const name = `Discovery cancel ${crypto.randomBytes(3).toString("hex")}`;
    await surfaceWithMap(page, name);
    await page.goto("/discovery");
    await page.getByRole("button", { name: "Import flow logs" }).click();
    const dialog = page.getByRole("dialog", { name: "Import flow logs" });
    await dialog.getByLabel("Protect surface").selectOption({ label: name });
    await dialog.getByLabel("File").setInputFiles({ name: "big.log", mimeType: "text/plain", buffer: vpcFile([], 400_000) });
    await dialog.getByRole("button", { name: "Import" }).click();
    await expect(dialog.getByRole("progressbar", { name: "Import progress" })).toBeVisible();
    await dialog.getByRole("button", { name: "Cancel import" }).click();
    await expect(dialog.getByRole("alert")).toContainText(/cancelled/i);
    await dialog.getByRole("button", { name: "Close", exact: true }).first().click();
    const row = page.getByTestId("import-row").filter({ hasText: name });
    await expect(row).toContainText("cancelled");
    // The cancelled upload is answered 409 (and a Cancel that arrives after the end, too).
    expect(errors([{ status: 409, path: /\/discovery\/imports(\/.+\/cancel)?$/ }])).toEqual([]);
    await close();
  });
});
