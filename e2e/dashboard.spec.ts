import type { Page } from "@playwright/test";
import { AS, expect, test, type TFixtures, type TSignedIn } from "./fixtures";
import { createObjectiveMeasuredBy } from "./support/records";

const RESILIENCE = "networks.network-resilience";

/** A maturity assessment dated today (so the dashboard reads it as the latest), its two fresh assessors signed in. */
async function assessmentWithAssessors(signedInAs: TFixtures["signedInAs"]) {
  const netops = await signedInAs(AS.netops);
  const secops = await signedInAs(AS.secops);
  const title = `Assessment ${Date.now()}`;
  const created = await netops.page.request.post("/api/v1/maturity/assessments", {
    data: {
      title,
      assessedOn: new Date().toISOString().slice(0, 10),
      netopsAssessorId: netops.person.id,
      secopsAssessorId: secops.person.id,
    },
  });
  expect(created.status()).toBe(201);
  return { id: ((await created.json()) as { id: string }).id, title, netops, secops };
}

/** An assessor scores their own team's stage of one function through the API. */
async function score(assessor: TSignedIn, assessmentId: string, functionKey: string, stage: string) {
  expect(
    (await assessor.page.request.put(`/api/v1/maturity/assessments/${assessmentId}/scores/${functionKey}`, { data: { stage } })).status(),
  ).toBe(200);
}

test("an executive reads the dashboard and drills into unencrypted flows into Restricted surfaces", async ({
  signedInAs,
  surfaceWithMap,
}) => {
  // The test's own records: an agreed map with a cleartext flow into restricted data, the latest
  // assessment with one disputed function, and an objective.
  const surface = await surfaceWithMap({ agreed: true });
  const assessment = await assessmentWithAssessors(signedInAs);
  await score(assessment.netops, assessment.id, RESILIENCE, "ADVANCED");
  await score(assessment.secops, assessment.id, RESILIENCE, "INITIAL");
  const objective = await createObjectiveMeasuredBy("flows.explicit_share", 90);
  const { page, errors } = await signedInAs(AS.executive);
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1, name: "Program dashboard" })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Maturity by pillar\. Identity:/ })).toBeVisible();
  await expect(page.locator(".pillar-bar").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Needs leadership attention" })).toBeVisible();
  await expect(page.getByText("is disputed: NetOps says Advanced, SecOps says Initial.").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Shared objectives" })).toBeVisible();
  await expect(page.getByRole("progressbar", { name: `${objective.title} progress` })).toBeVisible();
  // The maturity chart has a table alternative.
  await page.getByText("Show maturity by pillar as a table").click();
  await expect(page.getByRole("rowheader", { name: "Networks" })).toBeVisible();

  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `test-results/dashboard-${scheme}.png`, fullPage: true });
  }

  const card = page.getByRole("link", { name: /Unencrypted flows into Confidential\/Restricted surfaces/ }).first();
  await expect(card).toHaveAttribute("aria-describedby", /formula-/);
  await card.click();
  await expect(page).toHaveURL(/\/dashboard\/indicators\/flows\.unencrypted_sensitive$/);
  await expect(page.getByRole("heading", { level: 1, name: "Unencrypted flows into Confidential/Restricted surfaces" })).toBeVisible();
  await expect(
    page.getByText(/without encryption on the flow map of a protect surface classified Confidential or Restricted/).first(),
  ).toBeVisible();
  const flowsView = page.getByRole("link", { name: /Unencrypted flows into Restricted surfaces in the flows view/ });
  await expect(flowsView).toHaveAttribute("href", /^\/flows\?.*encryption=NONE&classification=RESTRICTED/);
  await expect(page.getByRole("heading", { name: /Records behind this figure/ })).toBeVisible();
  // The fixture's map has a cleartext flow from the legacy export into the restricted records store.
  const records = page.getByRole("table", { name: /Records behind/ });
  const cleartext = records
    .getByRole("row")
    .filter({ hasText: surface.name })
    .filter({ hasText: "Legacy export" })
    .filter({ hasText: "Records store" });
  await expect(cleartext).toHaveCount(1);
  await expect(cleartext).toContainText("Counted");
  await expect(cleartext.getByRole("link", { name: "Open flow map" })).toHaveAttribute("href", `/surfaces/${surface.id}/map`);
  await expect(page.getByText("No records yet")).toHaveCount(0);
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: "test-results/indicator-dark.png", fullPage: true });

  // Read-only: the executive sees the assessment but cannot score it.
  await page.goto("/maturity");
  await page.getByRole("link", { name: assessment.title }).click();
  await expect(page.getByRole("heading", { level: 1, name: assessment.title })).toBeVisible();
  await expect(page.getByText("Read-only: only this assessment's two assessors score it.")).toBeVisible();
  await expect(page.getByRole("combobox")).toHaveCount(0);
  expect(errors()).toEqual([]);
});

test("a NetOps and a SecOps assessor score a function differently and see it disputed until one changes", async ({ signedInAs }) => {
  const assessment = await assessmentWithAssessors(signedInAs);
  const { netops, secops } = assessment;
  const row = (page: Page) => page.getByTestId(`score-${RESILIENCE}`);
  // Listed under Maturity (the executive's test follows the link); each assessor opens it by its address.
  const openAssessment = async (page: Page) => {
    await page.goto("/maturity");
    await expect(page.getByRole("link", { name: assessment.title })).toHaveAttribute("href", `/maturity/${assessment.id}`);
    await page.goto(`/maturity/${assessment.id}`);
    await expect(page.getByRole("heading", { level: 1, name: assessment.title })).toBeVisible();
  };

  await openAssessment(netops.page);
  await expect(netops.page.getByRole("combobox", { name: "SecOps stage for Network Resilience" })).toHaveCount(0);
  await netops.page.getByRole("combobox", { name: "NetOps stage for Network Resilience" }).selectOption("ADVANCED");
  await expect(row(netops.page).getByRole("combobox")).toHaveValue("ADVANCED");

  await openAssessment(secops.page);
  await expect(row(secops.page).getByRole("cell").nth(1)).toHaveText("Advanced");
  await secops.page.getByRole("combobox", { name: "SecOps stage for Network Resilience" }).selectOption("INITIAL");
  await expect(row(secops.page)).toContainText("Disputed");

  await netops.page.reload();
  await expect(row(netops.page)).toContainText("Disputed");
  await netops.page.goto("/dashboard");
  await expect(netops.page.getByRole("link", { name: "Networks · Network Resilience" })).toBeVisible();

  await secops.page.getByRole("combobox", { name: "SecOps stage for Network Resilience" }).selectOption("ADVANCED");
  await expect(row(secops.page)).toContainText("Agreed");
  await expect(row(secops.page)).not.toContainText("Disputed");
  await netops.page.goto("/dashboard");
  await expect(netops.page.getByRole("heading", { level: 1, name: "Program dashboard" })).toBeVisible();
  await expect(netops.page.getByRole("link", { name: "Networks · Network Resilience" })).toHaveCount(0);
  expect([...netops.errors(), ...secops.errors()]).toEqual([]);
});

test("external KPIs are defined and fed by hand, and the dashboard exports as PDF and CSV", async ({ signedInAs, person }) => {
  const secopsLead = await person(AS.secops);
  const { page, errors } = await signedInAs(AS.netopsCab);
  await page.goto("/dashboard/kpis");
  // A KPI of this test's own, defined through the form, then fed a reading.
  const key = `e2e.phishing_reports_${Date.now()}`;
  const name = `Phishing reports triaged within a day ${Date.now()}`;
  await page.getByLabel("Key", { exact: true }).fill(key);
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Unit", { exact: true }).fill("%");
  await page.getByLabel("Direction of good").selectOption("HIGHER_IS_BETTER");
  await page.getByLabel("Target", { exact: true }).fill("95");
  await page.getByRole("button", { name: "Define KPI" }).click();
  await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
  const card = page.locator(`[id="kpi-${key}"]`);
  await expect(card).toContainText(`${key} · higher is better · target ≥ 95%`);
  await expect(card.getByText("—", { exact: true })).toBeVisible();
  await card.getByLabel("New reading (%)").fill("87.5");
  await card.getByRole("button", { name: "Record" }).click();
  await expect(card.getByRole("paragraph").filter({ hasText: /^87\.5%$/ })).toBeVisible();
  await expect(card.getByText("Readings (1)")).toBeVisible();

  const objective = `Retire implicit trust in payments (${Date.now()})`;
  await page.goto("/dashboard/objectives");
  await page.getByLabel("Objective", { exact: true }).fill(objective);
  await page.getByLabel("SecOps lead").selectOption({ label: secopsLead.name });
  await page.getByLabel("Key result 1", { exact: true }).fill("Most payment flows explicitly approved");
  await page.getByLabel("Measured by").selectOption({ label: "Flows explicitly trusted" });
  await page.getByLabel("Target", { exact: true }).fill("90");
  await page.getByRole("button", { name: "Add objective" }).click();
  await expect(page.getByRole("heading", { level: 3, name: objective })).toBeVisible();
  await expect(page.getByText(secopsLead.name).first()).toBeVisible();

  const csv = await page.request.get("/api/v1/dashboard/data.csv");
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  expect(text.split(/\r?\n/)[0]).toBe("section,key,name,value,unit,target,meets_target,detail");
  // The new KPI's row: its reading, unit and target, and 87.5 % misses a 95 % target where higher is better.
  expect(text.split(/\r?\n/).find((line) => line.includes(`,${key},`))).toContain(`,${key},${name},87.5,%,95,false`);
  const pdf = await page.request.get("/api/v1/dashboard/report.pdf");
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  expect(errors()).toEqual([]);
});
