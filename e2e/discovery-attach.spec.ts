import { AS, expect, test } from "./fixtures";

const start = Math.floor(Date.now() / 1000) - 3600;
const line = (source: string, destination: string, port: number) =>
  `2 123456789012 eni-0a1b2c ${source} ${destination} 40000 ${port} 6 10 840 ${start} ${start + 60} ACCEPT OK`;

test.describe("discovery: observed flows into a change", () => {
  test("a contributor clicks a ghost edge on the canvas and adds it to a new draft change", async ({ surfaceWithMap, signedInAs }) => {
    const surface = await surfaceWithMap({
      nodes: [
        { key: "web", kind: "WORKLOAD", label: "web", addresses: ["10.0.0.10"], x: 0, y: 0 },
        { key: "db", kind: "DATASTORE", label: "db", addresses: ["10.0.1.0/24"], x: 420, y: 0 },
        { key: "cache", kind: "SERVICE", label: "cache", addresses: ["10.0.2.5"], x: 60, y: 320 },
      ],
      flows: [{ from: "web", to: "db", protocol: "TCP", ports: "5432", justification: "The portal reads its records." }],
    });
    const { page, errors } = await signedInAs(surface.netopsOwner, { viewport: { width: 1440, height: 900 } });
    const imported = await page.request.post(`/api/v1/surfaces/${surface.id}/discovery/imports?format=vpc&source=e2e-attach`, {
      headers: { "content-type": "application/octet-stream" },
      data: Buffer.from([line("10.0.0.10", "10.0.1.7", 5432), line("10.0.2.5", "10.0.1.8", 6379)].join("\n")),
    });
    expect(imported.status()).toBe(201);

    await page.goto(`/surfaces/${surface.id}/map`);
    await expect(page.getByTestId("live-status")).toHaveText("Live");
    await page.getByRole("button", { name: "Show observed traffic" }).click();
    await expect(page.getByTestId("overlay-summary")).toContainText("1 ghost edges");

    // A real click on the dashed edge, a quarter of the way along it (its label sits in the middle).
    const ghostId = `ghost:${surface.nodeIds.cache}>${surface.nodeIds.db}/TCP/6379`;
    const path = page.getByTestId(`rf__edge-${ghostId}`).locator("path.react-flow__edge-interaction");
    const point = await path.evaluate((element: SVGPathElement) => {
      const at = element.getPointAtLength(element.getTotalLength() / 4);
      const screen = new DOMPoint(at.x, at.y).matrixTransform(element.getScreenCTM()!);
      return { x: screen.x, y: screen.y };
    });
    await page.mouse.click(point.x, point.y);
    const picked = page.getByLabel(/cache → db · TCP\/6379/);
    await expect(picked).toBeChecked();
    // The ghost is not selected as a map element: no inspector opens for it.
    await expect(page.getByRole("button", { name: "Close details" })).toHaveCount(0);

    await page.getByRole("button", { name: "Add to a change…" }).click();
    const dialog = page.getByRole("dialog", { name: "Add 1 observed flow to a change" });
    await expect(dialog.getByLabel("Change", { exact: true })).toHaveValue("");
    await dialog.getByLabel("Title of the new change").fill("Cache traffic seen in the logs");
    await dialog.getByRole("button", { name: "Add to the change" }).click();
    await expect(dialog.getByRole("status")).toContainText("1 flow added to change #");
    await expect(picked).not.toBeChecked();
    await dialog.getByRole("link", { name: /change #\d+/ }).click();

    await expect(page.getByRole("heading", { name: /Cache traffic seen in the logs/ })).toBeVisible();
    await expect(page.getByText(/6379/).first()).toBeVisible();
    expect(errors()).toEqual([]);
  });

  test("a viewer sees the ghost edges but is not offered to add them to a change", async ({ surfaceWithMap, signedInAs }) => {
    const surface = await surfaceWithMap({
      nodes: [
        { key: "web", kind: "WORKLOAD", label: "web", addresses: ["10.0.0.10"], x: 0, y: 0 },
        { key: "db", kind: "DATASTORE", label: "db", addresses: ["10.0.1.0/24"], x: 420, y: 0 },
      ],
      flows: [],
    });
    const owner = await signedInAs(surface.netopsOwner);
    const imported = await owner.page.request.post(`/api/v1/surfaces/${surface.id}/discovery/imports?format=vpc&source=e2e-attach`, {
      headers: { "content-type": "application/octet-stream" },
      data: Buffer.from(line("10.0.0.10", "10.0.1.7", 5432)),
    });
    expect(imported.status()).toBe(201);
    const { page, errors } = await signedInAs(AS.viewer);
    await page.goto(`/surfaces/${surface.id}/map`);
    await page.getByRole("button", { name: "Show observed traffic" }).click();
    await expect(page.getByTestId("ghost-edge")).toHaveCount(1);
    await expect(page.getByRole("button", { name: "Add to a change…" })).toHaveCount(0);
    const refused = await page.request.post(`/api/v1/surfaces/${surface.id}/discovery/attach`, {
      data: { ghosts: [{ sourceId: surface.nodeIds.web, targetId: surface.nodeIds.db, protocol: "TCP", port: 5432 }], title: "Viewer" },
    });
    expect(refused.status()).toBe(403);
    expect(errors()).toEqual([]);
  });
});
