import crypto from "node:crypto";
import type { Locator, Page } from "@playwright/test";
import { AS, expect, test, type TSignedIn } from "./fixtures";

/**
 * The joint workshop on the map: drawing with the keyboard alone, a new surface's elements on its
 * map, the warning before an agreed map is reopened, palette placement, and the canvas corners.
 */
const WIDE = { viewport: { width: 1440, height: 900 } };
const LAPTOP = { viewport: { width: 1280, height: 800 } };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

type TSavedMap = {
  nodes: Array<{ id: string; label: string; x: number; y: number; daasElementId: string | null }>;
  edges: Array<{ sourceId: string; targetId: string; status: string }>;
};

async function openMap(who: TSignedIn, id: string) {
  await who.page.goto(`/surfaces/${id}/map`);
  await expect(who.page.getByTestId("live-status")).toHaveText("Live");
}

const savedMap = async (page: Page, id: string) => (await (await page.request.get(`/api/v1/surfaces/${id}/map`)).json()) as TSavedMap;
const node = (page: Page, label: string) => page.locator(`[data-testid=map-node][data-label="${label}"]`);

function overlapping(
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

async function boxes(locator: Locator) {
  return Promise.all((await locator.all()).map(async (item) => (await item.boundingBox())!));
}

test("a keyboard user draws a flow, opens it from its label and moves a node, without the mouse", async ({
  signedInAs,
  surfaceWithMap,
}) => {
  const surface = await surfaceWithMap();
  const raj = await signedInAs(surface.netopsOwner, WIDE);
  await openMap(raj, surface.id);
  const { page } = raj;

  // The palette adds a node and selects it; "C" (or its inspector's Connect to… button) opens the target list.
  await page.getByRole("button", { name: "Add service" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("node-inspector")).toContainText("Service 1");
  await expect(page.getByTestId("node-inspector").getByRole("button", { name: "Connect to…" })).toBeVisible();
  await page.keyboard.press("c");
  const combobox = page.getByRole("combobox", { name: "Target node" });
  await expect(combobox).toBeFocused();
  await expect(page.getByRole("listbox", { name: "Nodes Service 1 can connect to" }).getByRole("option")).toHaveCount(5);
  await page.keyboard.type("store");
  await expect(page.getByRole("option")).toHaveCount(1);
  await expect(page.getByRole("option", { name: /Records store/ })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");

  // The flow is drawn, proposed, and its inspector has the focus.
  const inspector = page.getByTestId("edge-inspector");
  await expect(inspector).toBeFocused();
  await expect(inspector).toContainText("Service 1 → Records store");
  const service = (await savedMap(page, surface.id)).nodes.find((saved) => saved.label === "Service 1")!;
  await expect
    .poll(async () => (await savedMap(page, surface.id)).edges.filter((edge) => edge.sourceId === service.id).map((edge) => edge.status))
    .toEqual(["PROPOSED"]);

  // Each flow is one Tab stop: its label. Tab goes label to label, and Enter opens the flow.
  await page.keyboard.press("Escape");
  await expect(inspector).toHaveCount(0);
  const labels = page.getByTestId("map-edge-label");
  await expect(labels).toHaveCount(4);
  expect(await page.locator(".react-flow__edge[tabindex='0']").count()).toBe(0);
  await labels.first().focus();
  await page.keyboard.press("Tab");
  await expect(labels.nth(1)).toBeFocused();
  const name = (await labels.nth(1).getAttribute("aria-label"))!;
  await page.keyboard.press("Enter");
  await expect(inspector).toBeFocused();
  await expect(inspector).toContainText(
    name
      .split(":")[0]!
      .replace(/^Flow /, "")
      .replace(/, \w+$/, "")
      .replace(" to ", " → "),
  );
  await page.keyboard.press("Escape");

  // Arrow keys move the selected node; letting go saves the move (Shift: 20 px a press).
  const staff = (await savedMap(page, surface.id)).nodes.find((saved) => saved.label === "Records staff")!;
  await page.locator(`.react-flow__node[data-id="${staff.id}"]`).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("node-inspector")).toContainText("Records staff");
  await page.locator(`.react-flow__node[data-id="${staff.id}"]`).focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press("Shift+ArrowDown");
  await expect.poll(async () => (await savedMap(page, surface.id)).nodes.find((saved) => saved.id === staff.id)!.y).toBe(staff.y + 60);

  // …and undo takes the move back, as it would a drag.
  await page.keyboard.press("Control+z");
  await expect.poll(async () => (await savedMap(page, surface.id)).nodes.find((saved) => saved.id === staff.id)!.y).toBe(staff.y + 40);
  expect(raj.errors()).toEqual([]);
});

test("a new surface's map starts with its DAAS elements inside the boundary, and follows elements added later", async ({ signedInAs }) => {
  const raj = await signedInAs(AS.netops, WIDE);
  const name = `Card payments ${crypto.randomBytes(3).toString("hex")}`;
  const elements = [
    { type: "DATA", name: "Card vault", classification: "RESTRICTED" },
    { type: "APPLICATION", name: "Checkout", classification: "CONFIDENTIAL" },
    { type: "ASSET", name: "POS terminal", classification: "INTERNAL" },
  ];
  const created = await raj.page.request.post("/api/v1/surfaces", { data: { name, criticality: "HIGH", elements } });
  expect(created.status()).toBe(201);
  const surface = (await created.json()) as { id: string; version: number } & Record<string, unknown>;
  await openMap(raj, surface.id);
  const { page } = raj;

  for (const element of elements) await expect(node(page, element.name)).toBeVisible();
  const boundary = (await page.getByTestId("surface-boundary").boundingBox())!;
  for (const box of await boxes(page.getByTestId("map-node"))) {
    expect(box.x).toBeGreaterThanOrEqual(boundary.x);
    expect(box.y).toBeGreaterThanOrEqual(boundary.y);
    expect(box.x + box.width).toBeLessThanOrEqual(boundary.x + boundary.width);
    expect(box.y + box.height).toBeLessThanOrEqual(boundary.y + boundary.height);
  }
  const placed = await boxes(page.getByTestId("map-node"));
  for (const [i, a] of placed.entries()) for (const b of placed.slice(i + 1)) expect(overlapping(a, b)).toBe(false);
  await page.screenshot({ path: "test-results/screens/workshop-new-map-1440.png" });

  // An element added to the surface appears on the open map, inside the boundary, without a reload.
  const current = (await (await page.request.get(`/api/v1/surfaces/${surface.id}`)).json()) as {
    version: number;
    elements: Array<{ id: string; type: string; name: string; classification: string }>;
  };
  const saved = await page.request.put(`/api/v1/surfaces/${surface.id}`, {
    data: {
      name,
      criticality: "HIGH",
      version: current.version,
      elements: [...current.elements, { type: "SERVICE", name: "Tokenizer", classification: "RESTRICTED" }],
    },
  });
  expect(saved.status()).toBe(200);
  await expect(node(page, "Tokenizer")).toBeVisible();
  await expect(node(page, "Tokenizer")).toContainText("member");
  expect((await savedMap(page, surface.id)).nodes.filter((saved) => saved.daasElementId !== null)).toHaveLength(4);
  expect(raj.errors()).toEqual([]);
});

test("before the first edit of an agreed map the editor says it reopens the surface, and asks", async ({ signedInAs, surfaceWithMap }) => {
  const surface = await surfaceWithMap({ agreed: true });
  const raj = await signedInAs(surface.netopsOwner, WIDE);
  await openMap(raj, surface.id);
  const { page } = raj;
  const state = page.getByTestId("agreement-state");
  await expect(state).toContainText("Agreed · version 1");

  await node(page, "Legacy export").click();
  const label = page.getByTestId("node-inspector").getByLabel("Label", { exact: true });
  await label.fill("Legacy export job");
  await label.press("Enter");
  const dialog = page.getByRole("alertdialog", { name: "Reopen the agreed surface?" });
  await expect(dialog).toContainText("voids both sign-offs");
  await dialog.getByRole("button", { name: "Keep it agreed" }).click();
  await expect(dialog).toHaveCount(0);
  expect((await savedMap(page, surface.id)).nodes.some((saved) => saved.label === "Legacy export job")).toBe(false);
  await expect(state).toContainText("Agreed · version 1");

  await label.fill("Legacy export job");
  await label.press("Enter");
  await dialog.getByRole("button", { name: "Edit and reopen" }).click();
  await expect(node(page, "Legacy export job")).toBeVisible();
  await expect(state).toContainText("In review · version 2");
  await expect(state).toContainText("Waiting for NetOps and SecOps to sign off.");

  // Further edits in this session do not ask again; the SecOps owner is told the surface needs her sign-off.
  await label.fill("Legacy export batch");
  await label.press("Enter");
  await expect(node(page, "Legacy export batch")).toBeVisible();
  await expect(dialog).toHaveCount(0);
  const priya = await signedInAs(surface.secopsOwner, WIDE);
  const inbox = (await (await priya.page.request.get("/api/v1/notifications")).json()) as {
    notifications: Array<{ type: string; link: string }>;
  };
  expect(inbox.notifications.filter((item) => item.link === `/surfaces/${surface.id}`).map((item) => item.type)).toContain(
    "surface.reopened",
  );
  expect(raj.errors()).toEqual([]);
});

test("nodes added from the palette land in free space near the middle of the view, never on each other", async ({ signedInAs }) => {
  const raj = await signedInAs(AS.netops, WIDE);
  const created = await raj.page.request.post("/api/v1/surfaces", {
    data: { name: `Palette ${crypto.randomBytes(3).toString("hex")}`, criticality: "LOW" },
  });
  const { id } = (await created.json()) as { id: string };
  await openMap(raj, id);
  const { page } = raj;
  for (let i = 1; i <= 5; i++) {
    await page.getByRole("button", { name: "Add workload" }).click();
    await expect(page.getByTestId("map-node")).toHaveCount(i);
  }
  const canvas = (await page.getByTestId("map-canvas").boundingBox())!;
  const placed = await boxes(page.getByTestId("map-node"));
  for (const [i, a] of placed.entries()) for (const b of placed.slice(i + 1)) expect(overlapping(a, b)).toBe(false);
  for (const box of placed) expect(overlapping(box, canvas)).toBe(true);
  expect(raj.errors()).toEqual([]);
});

test("on a laptop the legend and the overview fold away, stay folded, and fit-view keeps the map clear of them", async ({
  signedInAs,
  surfaceWithMap,
}) => {
  const surface = await surfaceWithMap();
  const raj = await signedInAs(surface.netopsOwner, LAPTOP);
  await openMap(raj, surface.id);
  const { page } = raj;
  const legend = page.getByRole("region", { name: "Legend" });
  const overview = page.locator(".react-flow__minimap");
  await expect(legend).toBeVisible();
  await expect(overview).toBeVisible();
  const corners = [(await legend.boundingBox())!, (await overview.boundingBox())!];
  for (const box of await boxes(page.getByTestId("map-node"))) for (const corner of corners) expect(overlapping(box, corner)).toBe(false);
  await page.screenshot({ path: "test-results/screens/workshop-laptop-1280.png" });

  await page.getByRole("button", { name: "Hide legend" }).click();
  await page.getByRole("button", { name: "Hide overview" }).click();
  await expect(legend).toHaveCount(0);
  await expect(overview).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("live-status")).toHaveText("Live");
  await expect(page.getByRole("button", { name: "Legend", exact: true })).toHaveAttribute("aria-expanded", "false");
  await expect(legend).toHaveCount(0);
  await expect(overview).toHaveCount(0);
  await page.getByRole("button", { name: "Legend", exact: true }).click();
  await expect(legend).toBeVisible();
  expect(raj.errors()).toEqual([]);
});

test("the workshop reads on a phone, read-only", async ({ signedInAs, surfaceWithMap }) => {
  const surface = await surfaceWithMap({ agreed: true });
  const viewer = await signedInAs(AS.viewer, PHONE);
  await openMap(viewer, surface.id);
  await expect(viewer.page.getByTestId("agreement-state")).toContainText("Agreed");
  await expect(node(viewer.page, "Records store")).toBeVisible();
  const width = await viewer.page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await viewer.page.screenshot({ path: "test-results/screens/workshop-phone-390.png" });
  const raj = await signedInAs(surface.netopsOwner, WIDE);
  await openMap(raj, surface.id);
  await raj.page.screenshot({ path: "test-results/screens/workshop-1440.png" });
  expect(viewer.errors()).toEqual([]);
});
