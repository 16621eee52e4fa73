import { AS, expect, test } from "./fixtures";

/** A KPI of the test's own, defined through the API as automation would. */
async function defineKpi(request: import("@playwright/test").APIRequestContext, unit: string, extra: Record<string, unknown> = {}) {
  const key = `e2e.bounds_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  const name = `Bounded ${unit} ${key.slice(-6)}`;
  const created = await request.post("/api/v1/metrics", {
    data: { key, name, unit, direction: "HIGHER_IS_BETTER", target: null, ...extra },
  });
  expect(created.status()).toBe(201);
  return { key, name };
}

test("a KPI reading is held to its unit: 400 naming the field, shown on the form, nothing recorded", async ({ signedInAs }) => {
  const { page, errors } = await signedInAs(AS.netops);
  const percent = await defineKpi(page.request, "%");
  const refused = await page.request.post(`/api/v1/metrics/${percent.key}`, { data: { value: 2147483648 } });
  expect(refused.status()).toBe(400);
  expect((await refused.json()).error.fields).toEqual([{ path: "body.value", message: "must be between 0 and 100" }]);
  const count = await defineKpi(page.request, "incidents");
  const fractional = await page.request.post(`/api/v1/metrics/${count.key}`, { data: { value: 2.5 } });
  expect((await fractional.json()).error.fields[0]).toEqual({ path: "body.value", message: "must be a whole number" });
  const duration = await defineKpi(page.request, "hours");
  expect((await page.request.post(`/api/v1/metrics/${duration.key}`, { data: { value: -1 } })).status()).toBe(400);
  const huge = await page.request.post(`/api/v1/metrics/${duration.key}`, { data: { value: 1e300 } });
  expect(huge.status()).toBe(400);
  // A target outside the unit's range is refused when the KPI is defined.
  const badTarget = await page.request.post("/api/v1/metrics", {
    data: { key: `e2e.target_${Date.now()}`, name: "Bad target", unit: "%", direction: "HIGHER_IS_BETTER", target: 150 },
  });
  expect((await badTarget.json()).error.fields[0].path).toBe("body.target");

  await page.goto("/dashboard/kpis");
  const card = page.locator(`[id="kpi-${percent.key}"]`);
  await card.getByLabel("New reading (%)").fill("250");
  await card.getByRole("button", { name: "Record" }).click();
  await expect(card.getByText("must be between 0 and 100")).toBeVisible();
  await expect(card.getByText("Readings (0)")).toBeVisible();
  await card.getByLabel("New reading (%)").fill("87.5");
  await card.getByRole("button", { name: "Record" }).click();
  await expect(card.getByRole("paragraph").filter({ hasText: /^87\.5%$/ })).toBeVisible();
  expect(errors([{ status: 400, path: `/api/v1/metrics/${percent.key}` }])).toEqual([]);
});

test("headline cards are chosen in the indicator table; the rest stay in the table; viewers cannot choose", async ({ signedInAs }) => {
  const manager = await signedInAs(AS.netops);
  const kpi = await defineKpi(manager.page.request, "%", { target: 90 });
  expect((await manager.page.request.post(`/api/v1/metrics/${kpi.key}`, { data: { value: 42 } })).status()).toBe(201);
  const { page } = manager;
  await page.goto("/dashboard");
  const headlines = page.getByRole("region", { name: "Headline indicators" });
  const table = page.getByRole("table", { name: /Every indicator/ });
  await expect(table.getByRole("row").filter({ hasText: kpi.name })).toContainText("42%");
  await expect(headlines.getByText(kpi.name)).toHaveCount(0);

  // The choices are program-wide: note them to put them back for the other tests.
  const toggles = table.getByRole("button", { name: /^Headline card:/ });
  const before = await toggles.evaluateAll((buttons) =>
    buttons.map((button) => ({ key: button.getAttribute("data-metric-key")!, headline: button.getAttribute("aria-pressed") === "true" })),
  );
  try {
    // Room for one more: a headline indicator goes back to the table first.
    const pressed = table.getByRole("button", { name: /^Headline card:/, pressed: true });
    const freed = (await pressed.first().getAttribute("aria-label"))!.replace("Headline card: ", "");
    await pressed.first().click();
    await expect(headlines.getByRole("heading", { name: freed, exact: true })).toHaveCount(0);
    await table.getByRole("button", { name: `Headline card: ${kpi.name}` }).click();
    await expect(headlines.getByRole("heading", { name: kpi.name })).toBeVisible();
    await expect(headlines.locator("p", { hasText: "Target ≥ 90%" }).first()).toBeVisible();
    await expect(table.getByRole("button", { name: `Headline card: ${kpi.name}` })).toHaveAttribute("aria-pressed", "true");

    // Up to the cap, then the server refuses (409) and the page says why.
    const unpressed = table.getByRole("button", { name: /^Headline card:/, pressed: false });
    for (let count = await pressed.count(); count < 8; count++) {
      await unpressed.first().click();
      await expect(pressed).toHaveCount(count + 1);
    }
    await unpressed.first().click();
    await expect(page.getByText(/At most 8 headline figures/)).toBeVisible();
    await expect(pressed).toHaveCount(8);
    await expect(headlines.getByRole("heading", { level: 3 })).toHaveCount(8);

    const viewer = await signedInAs(AS.viewer);
    await viewer.page.goto("/dashboard");
    await expect(viewer.page.getByRole("button", { name: /^Headline card:/ })).toHaveCount(0);
    await expect(viewer.page.getByRole("region", { name: "Headline indicators" }).getByRole("heading", { name: kpi.name })).toBeVisible();
    const forbidden = await viewer.page.request.put(`/api/v1/dashboard/headlines/${kpi.key}`, { data: { headline: false } });
    expect(forbidden.status()).toBe(403);
    const invalid = await page.request.put(`/api/v1/dashboard/headlines/${kpi.key}`, { data: { headline: "yes" } });
    expect((await invalid.json()).error.fields[0].path).toBe("body.headline");
  } finally {
    // Back to the table first, so putting headlines back never meets the cap.
    before.sort((a, b) => Number(a.headline) - Number(b.headline));
    for (const { key, headline } of before) await page.request.put(`/api/v1/dashboard/headlines/${key}`, { data: { headline } });
  }
  expect(manager.errors([{ status: 409, path: /\/api\/v1\/dashboard\/headlines\// }])).toEqual([]);
});

test("a new assessment with nothing scored is shown apart; the chart keeps the latest scored one", async ({ signedInAs }) => {
  const netops = await signedInAs(AS.netops);
  const secops = await signedInAs(AS.secops);
  const title = `Draft assessment ${Date.now()}`;
  const created = await netops.page.request.post("/api/v1/maturity/assessments", {
    data: {
      title,
      assessedOn: new Date().toISOString().slice(0, 10),
      netopsAssessorId: netops.person.id,
      secopsAssessorId: secops.person.id,
    },
  });
  expect(created.status()).toBe(201);
  const { page } = await signedInAs(AS.executive);
  await page.goto("/dashboard");
  const draft = page.getByTestId("draft-assessment");
  await expect(draft).toContainText(title);
  await expect(draft).toContainText("0 of");
  // The demo's scored assessment is charted: not every pillar reads "Not scored".
  const chart = page.getByRole("img", { name: /^Maturity by pillar\./ });
  await expect(chart).toBeVisible();
  const label = (await chart.getAttribute("aria-label"))!;
  expect(label.split(";").filter((pillar) => !/: Not scored,/.test(pillar)).length).toBeGreaterThan(0);
});

test("a length-limited field counts as one types and an over-long value is refused, never cut", async ({ signedInAs }) => {
  const { page, errors } = await signedInAs(AS.netops);
  await page.goto("/dashboard/kpis");
  const name = page.getByLabel("Name", { exact: true });
  await name.fill("Mean time to contain");
  await expect(page.getByText("20 / 160")).toBeVisible();
  const long = "x".repeat(300);
  await name.fill(long);
  await expect(name).toHaveValue(long);
  await expect(page.getByText("300 / 160")).toBeVisible();
  await expect(page.getByText("140 characters over the limit of 160")).toBeAttached();
  await page.getByLabel("Key", { exact: true }).fill(`e2e.long_${Date.now()}`);
  await page.getByLabel("Unit", { exact: true }).fill("%");
  await page.getByRole("button", { name: "Define KPI" }).click();
  await expect(page.getByText("must be at most 160 characters")).toBeVisible();
  expect(errors([{ status: 400, path: "/api/v1/metrics" }])).toEqual([]);
});
