import type { Page } from "@playwright/test";
import { AS, expect, test } from "./fixtures";
import { pickSurface } from "./support/forms";
import { PAYMENTS, WAREHOUSE, WIKI } from "./support/surfaces";
import { pdfText } from "./support/pdf-text";

/** A datetime-local value `days` from now at the given hour, clear of the seeded blackouts. */
function localSlot(days: number, hour: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  date.setHours(hour, 0, 0, 0);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:00`;
}

async function fillPlans(page: Page) {
  await page.getByLabel("Implementation plan").fill("Push the policy through the firewall manager.");
  await page.getByLabel("Verification plan").fill("Synthetic probe from the source; watch deny logs.");
  await page.getByLabel("Rollback plan").fill("Revert the policy commit.");
}

/** The diff canvas marks the opened flow as added, on the after side only, with the legend beside it. */
async function expectAddedOnCanvas(page: Page) {
  const diff = page.getByTestId("flow-diff-canvas");
  await expect(diff.getByRole("list", { name: "Diff legend" })).toContainText("Added flow");
  const added = diff
    .getByTestId("flow-diff-after")
    .getByRole("group", { name: /^Added flow Partner gateway → Tokenisation service: TCP 443 · mTLS$/ });
  await expect(added).toBeVisible();
  await expect(added.locator("[data-testid=diff-edge]")).toHaveAttribute("data-mark", "added");
  await expect(diff.getByTestId("flow-diff-after").locator("[data-testid=diff-edge-label][data-mark=added]")).toContainText(
    "TCP 443 · mTLS",
  );
  await expect(diff.getByTestId("flow-diff-before").locator("[data-testid=diff-edge][data-mark=added]")).toHaveCount(0);
  await expect(diff.getByTestId("flow-diff-before").locator('[data-testid=map-zone][data-label="Payments zone (PCI)"]')).toBeVisible();
}

/** Removes a flow picked from the list, or (given `onMap`, the flow's label on the canvas) picked on the map. */
async function proposeRemoval(page: Page, title: string, surface: string, flowName: RegExp, environment = "production", onMap?: RegExp) {
  await page.goto("/changes/new");
  await page.getByLabel("Title").fill(title);
  await pickSurface(page, surface);
  if (onMap) {
    await page.getByTestId("flow-picker").getByRole("button", { name: onMap }).first().click();
    await expect(page.getByTestId("picked-flow")).toContainText("Picked: Flow");
    await page.getByTestId("picked-flow").getByRole("button", { name: flowName }).click();
  } else {
    await page.getByRole("button", { name: flowName }).first().click();
  }
  await expect(page.getByRole("list", { name: "Operations in this change" })).toContainText("Remove");
  await fillPlans(page);
  await page.getByLabel("Environment").selectOption(environment);
  await page.getByRole("button", { name: "Save and submit" }).click();
  await expect(page.getByRole("heading", { name: new RegExp(title) })).toBeVisible();
}

test("a flow opened into a Restricted surface goes through the CAB in meeting mode and lands approved on the map", async ({
  signedInAs,
  surfaceWithMap,
  person,
}) => {
  test.setTimeout(180_000);
  const surface = await surfaceWithMap(PAYMENTS);
  const title = `Partner to tokenisation ${Date.now()}`;
  const meetingTitle = `CAB for ${title}`;
  const cabMembers = [await person(AS.secopsCab), await person(AS.netopsCab)];
  const raj = await signedInAs(surface.netopsOwner);
  await raj.page.goto("/changes/new");
  await raj.page.getByLabel("Title").fill(title);
  await pickSurface(raj.page, surface.name);
  await raj.page.getByLabel("Surface of the new flow").selectOption({ label: surface.name });
  await raj.page.getByLabel("Source", { exact: true }).selectOption({ label: "Partner gateway (external)" });
  await raj.page.getByLabel("Target", { exact: true }).selectOption({ label: "Tokenisation service (service)" });
  await raj.page.getByLabel("Ports").fill("443");
  await raj.page.getByLabel("Encryption").selectOption("MTLS");
  await raj.page.getByLabel("Authentication").selectOption("CERTIFICATE");
  await raj.page.getByLabel("Justification", { exact: true }).fill("Partner detokenisation for refunds");
  await raj.page.getByRole("button", { name: "Add flow" }).click();
  await expect(raj.page.getByRole("list", { name: "Operations in this change" })).toContainText("Partner gateway → Tokenisation service");
  await fillPlans(raj.page);
  await raj.page.getByRole("button", { name: "Save and submit" }).click();
  await expect(raj.page.getByRole("heading", { name: new RegExp(title) })).toBeVisible();
  await expect(raj.page.getByText("CAB track")).toBeVisible();
  await expect(raj.page.getByRole("list", { name: "Matched rules" })).toContainText("Opening access into Restricted goes to the CAB");
  await expect(raj.page.getByText("Waiting for CAB votes; you cannot vote on your own change.")).toBeVisible();
  await expectAddedOnCanvas(raj.page);
  await raj.page.getByTestId("flow-diff-canvas").screenshot({ path: "test-results/changes-flow-diff.png" });
  const changeUrl = raj.page.url();

  for (const [index, cabMember] of cabMembers.entries()) {
    const member = await signedInAs(cabMember);
    if (index === 0) {
      // The bell in the header asks the CAB member for a vote as soon as the change is submitted.
      await member.page.goto("/surfaces");
      await member.page.getByRole("button", { name: /^Notifications, \d+ unread$/ }).click();
      const request = member.page
        .getByRole("list", { name: "Recent notifications" })
        .getByRole("listitem")
        .filter({ hasText: `Needs your vote: #` })
        .filter({ hasText: title });
      await expect(request).toHaveAttribute("data-unread", "true");
      await member.page.keyboard.press("Escape");
    }
    await member.page.goto("/cab");
    await expect(member.page.getByRole("list", { name: "Pending votes" })).toContainText(title);
    // The first member schedules a meeting of this test's own (its agenda builds itself from the changes awaiting the CAB); other tests' meetings may be on the list too.
    if (index === 0) {
      await member.page.getByLabel("Title").fill(meetingTitle);
      await member.page.getByLabel("Date and time").fill(localSlot(1, 15));
      await member.page.getByRole("button", { name: "Schedule" }).click();
    } else {
      await member.page.getByRole("list", { name: "Meetings" }).getByRole("link", { name: meetingTitle }).click();
    }
    await expect(member.page.getByRole("heading", { level: 1, name: meetingTitle })).toBeVisible();
    await expect(member.page.getByRole("list", { name: "Agenda" })).toBeVisible();
    // The first member scheduled this meeting a moment ago, so it has not started: they start it.
    if (index === 0) {
      await member.page.getByRole("button", { name: "Start meeting" }).click();
      await expect(member.page.getByRole("button", { name: "End meeting" })).toBeVisible();
    } else {
      await expect(member.page.getByRole("button", { name: "Start meeting" })).toHaveCount(0);
    }
    await member.page
      .getByRole("list", { name: "Agenda" })
      .getByRole("button", { name: new RegExp(title) })
      .click();
    await expect(member.page.getByRole("list", { name: "Flow diff" })).toContainText("Partner gateway → Tokenisation service");
    await expectAddedOnCanvas(member.page);
    await member.page
      .getByLabel("Your comment")
      .fill(index === 0 ? "mTLS with pinned partner CA: fine." : "Routed through the partner DMZ.");
    await member.page.getByRole("button", { name: "Vote approve" }).click();
    await expect(member.page.getByText("You voted on this item.")).toBeVisible();
    if (index === 0) {
      await member.page.emulateMedia({ colorScheme: "light" });
      await member.page.screenshot({ path: "test-results/changes-cab-meeting-light.png", fullPage: true });
      await member.page.emulateMedia({ colorScheme: "dark" });
      await member.page.screenshot({ path: "test-results/changes-cab-meeting-dark.png", fullPage: true });
    } else {
      await expect(member.page.getByRole("list", { name: "Agenda" })).toContainText("approved");
      // Both forms of the minutes record this meeting, the change and both members' votes with their comments.
      for (const [link, type] of [
        ["Minutes (Markdown)", "text/markdown"],
        ["Minutes (PDF)", "application/pdf"],
      ] as const) {
        const href = await member.page.getByRole("link", { name: link }).getAttribute("href");
        const minutes = await member.page.request.get(href!);
        expect(minutes.status()).toBe(200);
        expect(minutes.headers()["content-type"]).toContain(type);
        // Lines wrap on the PDF's pages; compare with the spaces made uniform.
        const text = (type === "application/pdf" ? await pdfText(await minutes.body()) : await minutes.text()).replace(/\s+/g, " ");
        for (const expected of [
          meetingTitle,
          title,
          cabMembers[0]!.name,
          "mTLS with pinned partner CA: fine.",
          cabMembers[1]!.name,
          "Routed through the partner DMZ.",
        ])
          expect(text).toContain(expected);
      }
    }
    expect(member.errors()).toEqual([]);
    await member.close();
  }

  // The bell in the header tells the requester, on any page, that the CAB approved the change.
  await raj.page.goto("/changes");
  await raj.page.getByRole("button", { name: /^Notifications, \d+ unread$/ }).click();
  const recent = raj.page.getByRole("list", { name: "Recent notifications" });
  const approved = recent.getByRole("listitem").filter({ hasText: `Approved: #` }).filter({ hasText: title }).first();
  await expect(approved).toBeVisible();
  await raj.page.screenshot({ path: "test-results/notifications-bell.png" });
  await approved.getByRole("button", { name: /^Mark ".*" read$/ }).click();
  await expect(approved).toHaveAttribute("data-unread", "false");
  await raj.page.keyboard.press("Escape");
  await raj.page.goto(changeUrl);
  await expect(raj.page.getByLabel("Status")).toContainText("Approved");
  await expect(raj.page.getByTestId("approved-window")).toContainText(
    "Approved without a window: it is classified again with the window you pick",
  );
  await raj.page.getByLabel("Scheduled start").fill(localSlot(3, 10));
  await raj.page.getByLabel("Scheduled end").fill(localSlot(3, 12));
  await raj.page.getByRole("button", { name: "Schedule", exact: true }).click();
  await expect(raj.page.getByLabel("Status")).toContainText("Scheduled");
  await raj.page.getByRole("button", { name: "Mark implemented" }).click();
  await expect(raj.page.getByLabel("Status")).toContainText("Implemented");
  // Whoever implemented a change does not verify it: the SecOps owner, of the other team, does.
  await expect(raj.page.getByText("You implemented this change; someone else verifies it.")).toBeVisible();
  await expect(raj.page.getByRole("button", { name: "Verify and apply to the map" })).toHaveCount(0);
  const priya = await signedInAs(surface.secopsOwner);
  await priya.page.goto(changeUrl);
  await priya.page.getByRole("button", { name: "Verify and apply to the map" }).click();
  await expect(priya.page.getByLabel("Status")).toContainText("Verified");
  expect(priya.errors()).toEqual([]);
  await priya.close();
  await raj.page.reload();
  await expect(raj.page.getByLabel("Status")).toContainText("Verified");
  await expect(raj.page.getByRole("list", { name: "Transitions" })).toContainText("Verified");
  // Now on the map, the flow is still drawn as what the change added, not as an old one.
  await expectAddedOnCanvas(raj.page);
  await raj.page.emulateMedia({ colorScheme: "light" });
  await raj.page.screenshot({ path: "test-results/changes-detail-light.png", fullPage: true });
  await raj.page.emulateMedia({ colorScheme: "dark" });
  await raj.page.screenshot({ path: "test-results/changes-detail-dark.png", fullPage: true });

  const flows = (await (await raj.page.request.get(`/api/v1/changes/pickable-flows?surfaceIds=${surface.id}`)).json()) as {
    maps: Array<{ edges: Array<{ sourceLabel: string; targetLabel: string; status: string; ports: string }> }>;
  };
  const opened = flows.maps[0]?.edges.find((edge) => edge.sourceLabel === "Partner gateway" && edge.targetLabel === "Tokenisation service");
  expect(opened).toMatchObject({ status: "APPROVED", ports: "443" });
  expect(raj.errors()).toEqual([]);
  await raj.close();
});

test("a tightening change that fits a template is pre-approved at once", async ({ signedInAs, surfaceWithMap }) => {
  const surface = await surfaceWithMap(WAREHOUSE);
  const raj = await signedInAs(surface.netopsOwner);
  const title = `Retire BI 8080 ${Date.now()}`;
  await proposeRemoval(
    raj.page,
    title,
    surface.name,
    /Remove flow BI analysts → Warehouse tables/,
    "production",
    /^Flow BI analysts to Warehouse tables/,
  );
  await raj.page.getByTestId("flow-diff-canvas").screenshot({ path: "test-results/changes-flow-diff-removed.png" });
  await expect(raj.page.getByTestId("flow-diff-before").locator("[data-testid=diff-edge][data-mark=removed]")).toHaveCount(1);
  await expect(raj.page.getByText("Pre-approved track")).toBeVisible();
  await expect(raj.page.getByText("Template: Retire or narrow flows")).toBeVisible();
  await expect(raj.page.getByRole("list", { name: "Matched rules" })).toContainText("Fits a standard-change template");
  await expect(raj.page.getByRole("list", { name: "Matched rules" })).toContainText("Allow pre-approval — decided the track");
  expect(raj.errors()).toEqual([]);
  await raj.close();
});

test("a flow narrowed from the map, to one port and one HTTP method, shows as changed on both sides with the changed fields named", async ({
  signedInAs,
  surfaceWithMap,
}) => {
  const surface = await surfaceWithMap(WAREHOUSE);
  const raj = await signedInAs(surface.netopsOwner);
  const title = `Narrow BI ports ${Date.now()}`;
  await raj.page.goto("/changes/new");
  await raj.page.getByLabel("Title").fill(title);
  await pickSurface(raj.page, surface.name);
  await raj.page
    .getByTestId("flow-picker")
    .getByRole("button", { name: /^Flow BI analysts to Warehouse tables/ })
    .first()
    .click();
  await raj.page.screenshot({ path: "test-results/changes-form-picker.png", fullPage: true });
  await raj.page
    .getByTestId("picked-flow")
    .getByRole("button", { name: /^Modify flow BI analysts → Warehouse tables/ })
    .click();
  const narrowing = raj.page.getByRole("group", { name: "Modify a flow" });
  await narrowing.getByLabel("Ports").fill("443");
  await narrowing.getByLabel("HTTP method").selectOption("GET");
  await narrowing.getByRole("button", { name: "Add modification" }).click();
  await expect(raj.page.getByRole("list", { name: "Operations in this change" })).toContainText("Modify BI analysts → Warehouse tables");
  await raj.page.getByRole("button", { name: "Save draft" }).click();
  await expect(raj.page.getByRole("heading", { name: new RegExp(title) })).toBeVisible();
  const diff = raj.page.getByTestId("flow-diff-canvas");
  for (const side of ["before", "after"]) {
    await expect(
      diff
        .getByTestId(`flow-diff-${side}`)
        .getByRole("group", { name: /^Changed flow BI analysts → Warehouse tables: .*; changed ports, HTTP method$/ }),
    ).toBeVisible();
    await expect(diff.getByTestId(`flow-diff-${side}`).locator("[data-testid=diff-edge-label][data-mark=changed]")).toContainText("ports");
  }
  await expect(diff.getByTestId("flow-diff-after").locator("[data-testid=diff-edge-label][data-mark=changed]")).toContainText(
    "TCP 443 https",
  );
  await diff.screenshot({ path: "test-results/changes-flow-diff-changed.png" });
  expect(raj.errors()).toEqual([]);
  await raj.close();
});

test("a rule proposal needs the second team's approval before it classifies", async ({ signedInAs, surfaceWithMap }) => {
  test.setTimeout(120_000);
  const surface = await surfaceWithMap(WIKI);
  const raj = await signedInAs(surface.netopsOwner);
  const name = `Staging goes to the CAB ${Date.now()}`;
  await raj.page.goto("/changes/rules");
  await raj.page.getByRole("textbox", { name: "Rule name", exact: true }).fill(name);
  await raj.page.getByLabel("Fact 1").selectOption({ label: "Environment" });
  await raj.page.getByLabel("Value 1").fill("staging");
  await raj.page.getByLabel("Then").selectOption("FORCE_CAB");
  await raj.page.getByLabel("Order").fill("1");
  await raj.page.getByLabel("Rationale").fill("Staging mirrors production data this quarter.");
  await raj.page.getByRole("button", { name: "Propose rule" }).click();
  const proposals = raj.page.getByRole("list", { name: "Proposed rules" });
  await expect(proposals).toContainText(name);
  await expect(proposals.getByRole("listitem").filter({ hasText: name })).toContainText("Waiting for SecOps");

  await proposeRemoval(raj.page, `Staging removal before ${Date.now()}`, surface.name, /Remove flow Employees → Wiki/, "staging");
  await expect(raj.page.getByText("Pre-approved track")).toBeVisible();

  const priya = await signedInAs(AS.secops);
  await priya.page.goto("/changes/rules");
  await priya.page.getByRole("button", { name: `Approve rule ${name}` }).click();
  await expect(priya.page.getByRole("list", { name: "Active rules" })).toContainText(name);
  await priya.page.emulateMedia({ colorScheme: "dark" });
  await priya.page.screenshot({ path: "test-results/changes-rules-dark.png", fullPage: true });
  await priya.page.emulateMedia({ colorScheme: "light" });
  await priya.page.screenshot({ path: "test-results/changes-rules-light.png", fullPage: true });
  expect(priya.errors()).toEqual([]);
  await priya.close();

  await proposeRemoval(raj.page, `Staging removal after ${Date.now()}`, surface.name, /Remove flow Employees → Wiki/, "staging");
  await expect(raj.page.getByText("CAB track")).toBeVisible();
  await expect(raj.page.getByRole("list", { name: "Matched rules" })).toContainText(`${name}`);
  await raj.page.goto("/changes");
  await raj.page.emulateMedia({ colorScheme: "light" });
  await raj.page.screenshot({ path: "test-results/changes-list-light.png", fullPage: true });
  await raj.page.emulateMedia({ colorScheme: "dark" });
  await raj.page.screenshot({ path: "test-results/changes-list-dark.png", fullPage: true });

  // Retiring the rule is co-authored too: it keeps classifying until SecOps agrees.
  await raj.page.goto("/changes/rules");
  await raj.page.getByRole("button", { name: `Propose retiring rule ${name}` }).click();
  const dialog = raj.page.getByRole("dialog", { name: `Retire "${name}"?` });
  await expect(dialog.getByRole("status", { name: "Replay without this rule" })).toContainText(
    /Without it, \d+ of \d+ recent changes would land on another track/,
  );
  await dialog.getByLabel("Why retire it").fill("The staging data copy has been masked again.");
  await raj.page.screenshot({ path: "test-results/rules-retirement-dialog.png" });
  await dialog.getByRole("button", { name: "Propose retirement" }).click();
  await expect(proposals.getByRole("listitem").filter({ hasText: name })).toContainText("Proposed retirement");
  await expect(raj.page.getByRole("list", { name: "Active rules" })).toContainText(name);
  const sam = await signedInAs(AS.secopsCab);
  await sam.page.goto("/changes/rules");
  await sam.page.getByRole("button", { name: `Approve rule ${name}` }).click();
  await expect(sam.page.getByRole("list", { name: "Active rules" })).not.toContainText(name);
  await expect(sam.page.getByRole("listitem").filter({ hasText: name }).filter({ hasText: "Proposed retirement" })).toHaveCount(0);
  expect(sam.errors()).toEqual([]);
  await sam.close();
  expect(raj.errors()).toEqual([]);
  await raj.close();
});

test("editing a change after a vote voids the vote", async ({ signedInAs, surfaceWithMap }) => {
  test.setTimeout(120_000);
  const surface = await surfaceWithMap(PAYMENTS);
  const title = `Fraud to tokens ${Date.now()}`;
  const raj = await signedInAs(surface.netopsOwner);
  await raj.page.goto("/changes/new");
  await raj.page.getByLabel("Title").fill(title);
  await pickSurface(raj.page, surface.name);
  await raj.page.getByLabel("Surface of the new flow").selectOption({ label: surface.name });
  await raj.page.getByLabel("Source", { exact: true }).selectOption({ label: "Fraud scoring (workload)" });
  await raj.page.getByLabel("Target", { exact: true }).selectOption({ label: "Cardholder database (datastore)" });
  await raj.page.getByLabel("Justification", { exact: true }).fill("Model features");
  await raj.page.getByRole("button", { name: "Add flow" }).click();
  await fillPlans(raj.page);
  await raj.page.getByRole("button", { name: "Save and submit" }).click();
  await expect(raj.page.getByText("CAB track")).toBeVisible();
  const changeUrl = raj.page.url();

  const sam = await signedInAs(AS.secopsCab);
  await sam.page.goto(changeUrl);
  await sam.page.getByLabel("Comment").fill("Fine with TLS.");
  await sam.page.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(sam.page.getByRole("list", { name: "Votes" })).toContainText(sam.person.name);
  expect(sam.errors()).toEqual([]);
  await sam.close();

  await raj.page.reload();
  await raj.page.getByRole("link", { name: "Edit" }).click();
  await raj.page.getByLabel("Title").fill(`${title} (read replica)`);
  await raj.page.getByRole("button", { name: "Save changes" }).click();
  await expect(raj.page.getByRole("heading", { name: /read replica/ })).toBeVisible();
  await expect(raj.page.getByRole("list", { name: "Votes" })).toContainText("void: the change was edited");
  expect(raj.errors()).toEqual([]);
  await raj.close();
});

test("a CAB member adds a blackout, sees it on the calendar and deletes it", async ({ signedInAs }) => {
  const nadia = await signedInAs(AS.netopsCab);
  const name = `Datacentre move ${Date.now().toString(36)}`;
  await nadia.page.goto("/changes/calendar");
  await nadia.page.getByLabel("Blackout name").fill(name);
  await nadia.page.getByLabel("Starts").fill(localSlot(1, 8));
  await nadia.page.getByLabel("Ends").fill(localSlot(1, 20));
  await nadia.page.getByRole("button", { name: "Add blackout" }).click();
  if (new Date(Date.now() + 86_400_000).getMonth() !== new Date().getMonth())
    await nadia.page.getByRole("button", { name: "Next month" }).click();
  await expect(nadia.page.getByText(`Blackout: ${name}`)).toBeVisible();
  await nadia.page.emulateMedia({ colorScheme: "light" });
  await nadia.page.screenshot({ path: "test-results/changes-calendar-light.png", fullPage: true });
  await nadia.page.emulateMedia({ colorScheme: "dark" });
  await nadia.page.screenshot({ path: "test-results/changes-calendar-dark.png", fullPage: true });
  await nadia.page.getByRole("button", { name: `Delete blackout ${name}` }).click();
  const confirm = nadia.page.getByRole("dialog", { name: `Delete the blackout "${name}"?` });
  await expect(confirm).toContainText("recorded in the audit trail");
  await confirm.getByRole("button", { name: "Delete blackout" }).click();
  await expect(nadia.page.getByText(`Blackout: ${name}`)).toHaveCount(0);
  await expect(nadia.page.getByRole("list", { name: "Blackout windows this month" }).getByText(name)).toHaveCount(0);
  await nadia.page.goto("/changes/templates");
  await expect(nadia.page.getByRole("list", { name: "Promotion suggestions" })).toBeVisible();
  await nadia.page.screenshot({ path: "test-results/changes-templates-dark.png", fullPage: true });
  expect(nadia.errors()).toEqual([]);
  await nadia.close();
});
