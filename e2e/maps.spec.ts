import crypto from "node:crypto";
import { type Locator, type Page } from "@playwright/test";
import { AS, expect, test, type TSignedIn } from "./fixtures";

const WIDE = { viewport: { width: 1600, height: 1000 } };

/** Opens a surface's map in the editor once its live stream is connected. */
async function openMap(who: TSignedIn, id: string) {
  await who.page.goto(`/surfaces/${id}/map`);
  await expect(who.page.getByTestId("live-status")).toHaveText("Live");
  return { ...who, id };
}

/** A new surface of the user's own with a map drawn through the API, opened in the editor. */
async function openNewMap(page: Page, name: string, operations: unknown[]): Promise<string> {
  const created = await page.request.post("/api/v1/surfaces", { data: { name, criticality: "LOW" } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  expect((await page.request.post(`/api/v1/surfaces/${id}/map/batch`, { data: { reason: "paste", operations } })).status()).toBe(200);
  await page.goto(`/surfaces/${id}/map`);
  await expect(page.getByTestId("live-status")).toHaveText("Live");
  return id;
}

const node = (page: Page, label: string) => page.locator(`[data-testid=map-node][data-label="${label}"]`);

/** Where an element is once it has stopped moving: a save's echo or a re-measure may still shift the canvas. */
async function settledBox(locator: Locator) {
  let previous: Awaited<ReturnType<Locator["boundingBox"]>> = null;
  await expect
    .poll(
      async () => {
        const current = await locator.boundingBox();
        const settled = current !== null && previous !== null && JSON.stringify(current) === JSON.stringify(previous);
        previous = current;
        return settled;
      },
      { intervals: [150] },
    )
    .toBe(true);
  return previous!;
}

test("two people map flows together: edits and presence appear live on both screens", async ({ signedInAs, surfaceWithMap }) => {
  const surface = await surfaceWithMap();
  const raj = await openMap(await signedInAs(surface.netopsOwner, WIDE), surface.id);
  const priya = await openMap(await signedInAs(surface.secopsOwner, WIDE), surface.id);
  const [rajName, priyaName] = [surface.netopsOwner.name, surface.secopsOwner.name];

  // Presence: each sees the other on the map.
  await expect(raj.page.getByTestId("presence").getByLabel(new RegExp(priyaName))).toBeVisible();
  await expect(priya.page.getByTestId("presence").getByLabel(new RegExp(rajName))).toBeVisible();

  // Raj drags a workload from the palette onto an empty part of the canvas (clear of the legend along its foot) and names it.
  const label = `Checkout API ${crypto.randomBytes(3).toString("hex")}`;
  const canvas = raj.page.getByTestId("map-canvas");
  const box = (await canvas.boundingBox())!;
  await raj.page
    .getByRole("button", { name: "Add workload" })
    .dragTo(canvas, { targetPosition: { x: box.width * 0.2, y: box.height * 0.7 } });
  const inspector = raj.page.getByTestId("node-inspector");
  await expect(inspector).toBeVisible();
  await inspector.getByLabel("Label", { exact: true }).fill(label);
  await inspector.getByLabel("Label", { exact: true }).press("Enter");
  await expect(node(raj.page, label)).toBeVisible();

  // …and connects it to the records store by dragging from handle to handle.
  const source = node(raj.page, label).locator(".react-flow__handle.source");
  const target = node(raj.page, "Records store").locator(".react-flow__handle.target");
  // The rename is saved before the drag starts, so its echo cannot redraw the node mid-drag.
  await expect
    .poll(async () =>
      ((await (await raj.page.request.get(`/api/v1/surfaces/${raj.id}/map`)).json()) as { nodes: Array<{ label: string }> }).nodes.some(
        (saved) => saved.label === label,
      ),
    )
    .toBe(true);
  const from = await settledBox(source);
  const to = await settledBox(target);
  await raj.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await raj.page.mouse.down();
  await raj.page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
  // Let go once the line has snapped to the target handle, as a person waits to see it.
  await expect(target).toHaveClass(/\bvalid\b/);
  await raj.page.mouse.up();
  const flowName = new RegExp(`Flow ${label} to Records store`);
  await expect(raj.page.getByRole("button", { name: flowName })).toBeVisible();

  // Priya sees both appear without reloading, and makes the flow mutual TLS.
  await expect(node(priya.page, label)).toBeVisible();
  const flowOnPriya = priya.page.getByRole("button", { name: flowName });
  await expect(flowOnPriya).toBeVisible();
  await flowOnPriya.click();
  const edgeInspector = priya.page.getByTestId("edge-inspector");
  await expect(edgeInspector).toBeVisible();
  await edgeInspector.getByLabel("Encryption").selectOption("MTLS");

  // Raj sees her change, and sees that she is working on that flow.
  await expect(raj.page.getByRole("button", { name: flowName })).toContainText("mTLS");
  await expect(raj.page.getByTestId("presence").getByLabel(new RegExp(`${priyaName}, editing`))).toBeVisible();

  await raj.page.screenshot({ path: "test-results/screens/map-workshop-light.png" });
  expect(raj.errors()).toEqual([]);
  expect(priya.errors()).toEqual([]);
});

test("a viewer sees the map read-only and the API refuses their edits", async ({ signedInAs, surfaceWithMap }) => {
  const surface = await surfaceWithMap({ agreed: true });
  const victor = await openMap(await signedInAs(AS.viewer, { ...WIDE, colorScheme: "dark" }), surface.id);
  await expect(node(victor.page, "Records store")).toBeVisible();
  await expect(victor.page.getByTestId("surface-boundary")).toBeVisible();
  await expect(victor.page.getByRole("navigation", { name: "Node palette" })).toHaveCount(0);
  await expect(victor.page.getByRole("button", { name: "Import", exact: true })).toHaveCount(0);
  await expect(victor.page.getByText("Read-only: your role can view this map")).toBeVisible();
  await victor.page.getByRole("button", { name: /Flow Legacy export to Records store/ }).click();
  const details = victor.page.getByTestId("edge-inspector");
  await expect(details).toContainText("Unencrypted flow into restricted data");
  await expect(details).toContainText("Approved without a justification");
  await expect(details.getByRole("combobox")).toHaveCount(0);
  await victor.page.screenshot({ path: "test-results/screens/map-viewer-dark.png" });
  const refused = await victor.page.request.post(`/api/v1/surfaces/${victor.id}/map/nodes`, {
    data: { kind: "DEVICE", label: "Not allowed" },
  });
  expect(refused.status()).toBe(403);
  expect(victor.errors()).toEqual([]);
});

test("the inspector never offers to approve a flow, and the API refuses it: approval is a joint decision", async ({
  signedInAs,
  surfaceWithMap,
}) => {
  // Agreed: its flows are approved by both owners' sign-off; a flow drawn afterwards is only proposed.
  const surface = await surfaceWithMap({ agreed: true });
  const raj = await signedInAs(surface.netopsOwner, WIDE);
  const drawn = await raj.page.request.post(`/api/v1/surfaces/${surface.id}/map/batch`, {
    data: {
      reason: "edit",
      operations: [
        {
          op: "createEdge",
          edge: {
            sourceId: surface.nodeIds.staff,
            targetId: surface.nodeIds.store,
            protocol: "TCP",
            ports: "22",
            encryption: "TLS",
            status: "PROPOSED",
          },
        },
      ],
    },
  });
  expect(drawn.status()).toBe(200);
  await openMap(raj, surface.id);
  await raj.page.getByRole("button", { name: /Flow Records staff to Records store/ }).click();
  const inspector = raj.page.getByTestId("edge-inspector");
  const status = inspector.getByRole("combobox", { name: "Status" });
  await expect(status).toHaveValue("PROPOSED");
  await expect(status.locator("option")).toHaveText(["Observed", "Proposed", "Denied"]);
  await expect(inspector).toContainText("A verified change or both owners' sign-off approves a flow.");

  await raj.page.getByRole("button", { name: /Flow Legacy export to Records store/ }).click();
  const approvedStatus = raj.page.getByTestId("edge-inspector").getByRole("combobox", { name: "Status" });
  await expect(approvedStatus).toHaveValue("APPROVED");
  await expect(approvedStatus.locator("option[value=APPROVED]")).toBeDisabled();

  const map = (await (await raj.page.request.get(`/api/v1/surfaces/${surface.id}/map`)).json()) as {
    edges: Array<{ id: string; status: string; version: number; ports: string }>;
  };
  const proposed = map.edges.find((edge) => edge.status === "PROPOSED")!;
  const refused = await raj.page.request.patch(`/api/v1/surfaces/${surface.id}/map/edges/${proposed.id}`, {
    data: { version: proposed.version, status: "APPROVED" },
  });
  expect(refused.status()).toBe(400);
  expect(JSON.stringify(await refused.json())).toContain("cannot be set to APPROVED by editing the map");
  const after = (await (await raj.page.request.get(`/api/v1/surfaces/${surface.id}/map`)).json()) as {
    edges: Array<{ id: string; status: string }>;
  };
  expect(after.edges.find((edge) => edge.id === proposed.id)?.status).toBe("PROPOSED");
  expect(raj.errors()).toEqual([]);
});

test("undo restores a deleted node together with its flows", async ({ signedInAs, surfaceWithMap }) => {
  const surface = await surfaceWithMap();
  const raj = await openMap(await signedInAs(surface.netopsOwner, WIDE), surface.id);
  const suffix = crypto.randomBytes(3).toString("hex");
  const [a, b, c] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
  const made = await raj.page.request.post(`/api/v1/surfaces/${raj.id}/map/batch`, {
    data: {
      reason: "paste",
      operations: [
        { op: "createNode", node: { id: a, kind: "SERVICE", label: `Risk engine ${suffix}`, x: 40, y: 560 } },
        { op: "createNode", node: { id: b, kind: "DATASTORE", label: `Risk store ${suffix}`, x: 360, y: 620 } },
        { op: "createNode", node: { id: c, kind: "USER_GROUP", label: `Risk desk ${suffix}`, x: -300, y: 620 } },
        {
          op: "createEdge",
          edge: {
            sourceId: a,
            targetId: b,
            protocol: "TCP",
            ports: "5432",
            encryption: "TLS",
            status: "OBSERVED",
            justification: "Risk positions",
          },
        },
        { op: "createEdge", edge: { sourceId: c, targetId: a, protocol: "TCP", ports: "443", encryption: "TLS", status: "PROPOSED" } },
      ],
    },
  });
  expect(made.status()).toBe(200);
  await raj.page.reload();
  const engine = node(raj.page, `Risk engine ${suffix}`);
  await expect(engine).toBeVisible();
  const flowsOfEngine = raj.page.getByRole("button", { name: new RegExp(`Flow .*Risk engine ${suffix}`) });
  await expect(flowsOfEngine).toHaveCount(2);

  await engine.click();
  // As a person would: the selection shows in the inspector before Delete is pressed.
  await expect(raj.page.getByTestId("node-inspector")).toContainText(`Risk engine ${suffix}`);
  await raj.page.keyboard.press("Delete");
  await raj.page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
  await expect(engine).toHaveCount(0);
  await expect(flowsOfEngine).toHaveCount(0);

  await raj.page.getByRole("toolbar", { name: "Map tools" }).getByRole("button", { name: "Undo", exact: true }).click();
  await expect(engine).toBeVisible();
  await expect(flowsOfEngine).toHaveCount(2);
  // The canvas shows the undo at once; the save behind it may still be on its way to the server.
  const savedMap = async () =>
    (await (await raj.page.request.get(`/api/v1/surfaces/${raj.id}/map`)).json()) as {
      nodes: Array<{ id: string }>;
      edges: Array<{ sourceId: string; targetId: string }>;
    };
  await expect.poll(async () => (await savedMap()).nodes.some((candidate) => candidate.id === a)).toBe(true);
  await expect.poll(async () => (await savedMap()).edges.filter((edge) => edge.sourceId === a || edge.targetId === a).length).toBe(2);
  expect(raj.errors()).toEqual([]);
});

test("importing an invalid map file lists every error and changes nothing", async ({ signedInAs, surfaceWithMap }) => {
  const surface = await surfaceWithMap();
  const raj = await openMap(await signedInAs(surface.netopsOwner, WIDE), surface.id);
  const before = (await (await raj.page.request.get(`/api/v1/surfaces/${raj.id}/map`)).json()) as { version: number };
  await raj.page.getByRole("button", { name: "Import", exact: true }).click();
  const dialog = raj.page.getByRole("dialog", { name: "Import a map file" });
  const invalid = {
    format: "concord.flow-map",
    version: 1,
    nodes: [
      { id: "a", kind: "SPACESHIP", label: "Bad" },
      { id: "b", kind: "WORKLOAD", label: "ok", addresses: ["999.1.1.1/40"] },
    ],
    edges: [{ sourceId: "a", targetId: "b", protocol: "TCP", ports: "70000", encryption: "ROT13" }],
  };
  await dialog
    .getByLabel("JSON file exported from Concord")
    .setInputFiles({ name: "bad-map.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(invalid)) });
  const errors = dialog.getByTestId("import-errors");
  await expect(errors).toContainText("Nothing was changed");
  await expect(errors).toContainText("nodes.0.kind");
  await expect(errors).toContainText("nodes.1.addresses.0");
  await expect(errors).toContainText("edges.0.encryption");
  await raj.page.screenshot({ path: "test-results/screens/map-import-errors-light.png" });
  const after = (await (await raj.page.request.get(`/api/v1/surfaces/${raj.id}/map`)).json()) as { version: number };
  expect(after.version).toBe(before.version);
  expect(raj.errors()).toEqual([]);
});

test("a map file replaces a map in one edit when the importer chooses to", async ({ signedInAs }) => {
  const { page, errors } = await signedInAs(AS.netops, WIDE);
  const suffix = crypto.randomBytes(3).toString("hex");
  const id = await openNewMap(page, `Import target ${suffix}`, [
    { op: "createNode", node: { id: crypto.randomUUID(), kind: "WORKLOAD", label: `Old host ${suffix}`, x: 0, y: 0 } },
  ]);
  await expect(node(page, `Old host ${suffix}`)).toBeVisible();

  const file = {
    format: "concord.flow-map",
    version: 1,
    nodes: [
      { id: "gw", kind: "SERVICE", label: `Gateway ${suffix}`, x: 0, y: 0 },
      { id: "db", kind: "DATASTORE", label: `Ledger ${suffix}`, x: 320, y: 0 },
    ],
    edges: [{ sourceId: "gw", targetId: "db", protocol: "TCP", ports: "5432", encryption: "TLS" }],
  };
  await page.getByRole("button", { name: "Import", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Import a map file" });
  await dialog.getByRole("radio", { name: /Replace this map/ }).check();
  await expect(dialog).toContainText("The 1 node and 0 flows on the map now are removed");
  await dialog
    .getByLabel("JSON file exported from Concord")
    .setInputFiles({ name: "ledger.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) });
  await expect(dialog).toBeHidden();
  await expect(node(page, `Gateway ${suffix}`)).toBeVisible();
  await expect(node(page, `Ledger ${suffix}`)).toBeVisible();
  await expect(node(page, `Old host ${suffix}`)).toHaveCount(0);
  const saved = (await (await page.request.get(`/api/v1/surfaces/${id}/map`)).json()) as {
    nodes: Array<{ label: string }>;
    edges: unknown[];
  };
  expect(saved.nodes.map((saved) => saved.label).sort()).toEqual([`Gateway ${suffix}`, `Ledger ${suffix}`]);
  expect(saved.edges).toHaveLength(1);
  expect(errors()).toEqual([]);
});

test("automatic layout puts the flows left to right, saves the positions and draws every flow again", async ({ signedInAs }) => {
  const { page, errors } = await signedInAs(AS.netops, WIDE);
  const suffix = crypto.randomBytes(3).toString("hex");
  // A chain of five hops drawn as a pile in one column, the last first.
  const ids = Array.from({ length: 6 }, () => crypto.randomUUID());
  const operations = [
    ...ids.map((nodeId, index) => ({
      op: "createNode",
      node: { id: nodeId, kind: "WORKLOAD", label: `Hop ${index} ${suffix}`, x: 0, y: (5 - index) * 90 },
    })),
    ...ids.slice(1).map((target, index) => ({
      op: "createEdge",
      edge: { sourceId: ids[index], targetId: target, protocol: "TCP", ports: "443", encryption: "TLS", status: "PROPOSED" },
    })),
  ];
  const id = await openNewMap(page, `Layout target ${suffix}`, operations);
  await expect(page.getByTestId("map-edge")).toHaveCount(5);

  const layoutButton = page.getByRole("toolbar", { name: "Map tools" }).getByRole("button", { name: /Auto layout|Laying out/ });
  await layoutButton.click();
  await expect(layoutButton).toHaveText(/Laying out/);
  await expect(layoutButton).toHaveText(/Auto layout/, { timeout: 30_000 });

  // Saved: each hop stands to the right of the one before it.
  const saved = (await (await page.request.get(`/api/v1/surfaces/${id}/map`)).json()) as { nodes: Array<{ id: string; x: number }> };
  const xOf = (nodeId: string) => saved.nodes.find((candidate) => candidate.id === nodeId)!.x;
  for (let index = 1; index < ids.length; index += 1) expect(xOf(ids[index]!)).toBeGreaterThan(xOf(ids[index - 1]!));
  // The flows taken off the canvas while the nodes moved are all drawn again.
  await expect(page.getByTestId("map-edge")).toHaveCount(5);
  for (const flow of await page.getByTestId("map-edge").all()) await expect(flow).toBeVisible();
  await expect(page.getByRole("button", { name: new RegExp(`Flow Hop 0 ${suffix} to Hop 1 ${suffix}`) })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/map-auto-layout-light.png" });

  // The inspector takes the right of the canvas, where the last hop now stands: the view moves to keep it in sight.
  const lastHop = node(page, `Hop 5 ${suffix}`);
  await lastHop.click();
  await expect(page.getByRole("complementary", { name: `Details of Hop 5 ${suffix}` })).toBeVisible();
  const canvas = (await page.locator(".react-flow").boundingBox())!;
  await expect
    .poll(async () => {
      const box = (await lastHop.boundingBox())!;
      return box.x + box.width <= canvas.x + canvas.width && box.x >= canvas.x;
    })
    .toBe(true);
  await page.screenshot({ path: "test-results/screens/map-inspector-in-view-light.png" });
  expect(errors()).toEqual([]);
});

test("the Flows page shows every map and drills down by status, encryption and classification", async ({ signedInAs, surfaceWithMap }) => {
  // Agreed: the unencrypted flow into the restricted store is approved; the portal's TLS flow is too.
  const surface = await surfaceWithMap({ agreed: true });
  for (const colorScheme of ["light", "dark"] as const) {
    const { page, errors } = await signedInAs(AS.executive, { colorScheme, viewport: { width: 1440, height: 1100 } });
    await page.goto(`/flows?status=APPROVED&encryption=NONE&classification=RESTRICTED&surface=${surface.id}`);
    const table = page.getByTestId("flows-table");
    await expect(table).toContainText("Legacy export → Records store");
    await expect(table).not.toContainText("Records portal → Records store");
    await expect(page.getByTestId("program-map")).toBeVisible();
    await page.screenshot({ path: `test-results/screens/flows-drilldown-${colorScheme}.png`, fullPage: true });
    expect(errors()).toEqual([]);
  }
});
