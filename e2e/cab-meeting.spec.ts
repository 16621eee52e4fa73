import { AS, expect, test } from "./fixtures";
import { createChangeInReview, scheduleMeeting, setOrganizationTimeZone } from "./support/cab";
import { pickSurface } from "./support/forms";
import { PAYMENTS } from "./support/surfaces";
import { pagesEndingWithHeader, pdfPages } from "@/lib/test/pdf-pages";

const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A datetime-local value `hours` from now (negative: in the past), on the browser's clock. */
function localInput(hours: number): string {
  const date = new Date(Date.now() + hours * 3_600_000);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

test("meeting mode is live: a vote reaches the chair's screen without a click, and ending the meeting asks first and carries an item", async ({
  signedInAs,
  surfaceWithMap,
  person,
}) => {
  test.setTimeout(240_000);
  const surface = await surfaceWithMap(PAYMENTS);
  const title = `Live vote ${stamp()}`;
  const change = await createChangeInReview(surface.netopsOwner, surface, title);
  expect(change.state).toBe("CAB_REVIEW");
  const admin = await person({ team: "LEADERSHIP", roles: ["ADMIN"] });
  await setOrganizationTimeZone(admin, "Europe/Berlin");
  try {
    const chairPerson = await person(AS.secopsCab);
    const meeting = await scheduleMeeting(chairPerson, `Live CAB ${stamp()}`, 1);
    const next = await scheduleMeeting(chairPerson, `Following CAB ${stamp()}`, 24 * 7);

    const chair = await signedInAs(chairPerson, { viewport: { width: 1440, height: 900 } });
    await chair.page.goto(`/cab/${meeting.id}`);
    await chair.page.getByRole("button", { name: "Start meeting" }).click();
    await expect(chair.page.getByRole("button", { name: "End meeting" })).toBeVisible();
    await expect(chair.page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
    await chair.page
      .getByRole("list", { name: "Agenda" })
      .getByRole("button", { name: new RegExp(title) })
      .click();
    await expect(chair.page.getByText("No votes in this meeting yet.")).toBeVisible();
    // The meeting header gives its time in the organization's zone, named.
    await expect(chair.page.getByText(/\(Europe\/Berlin, GMT\+\d\)/).first()).toBeVisible();

    // Another CAB member, at their own laptop, votes.
    const member = await signedInAs(AS.netopsCab);
    await member.page.goto(`/cab/${meeting.id}`);
    await member.page
      .getByRole("list", { name: "Agenda" })
      .getByRole("button", { name: new RegExp(title) })
      .click();
    await member.page.getByLabel("Your comment").fill("Pinned partner CA: fine from NetOps.");
    await member.page.getByRole("button", { name: "Vote approve" }).click();
    await expect(member.page.getByText("You voted on this item.")).toBeVisible();

    // The chair clicks nothing: the vote and its comment appear on their screen.
    const votes = chair.page.getByRole("list", { name: "Meeting votes" });
    await expect(votes).toContainText(member.person.name);
    await expect(votes).toContainText("Pinned partner CA: fine from NetOps.");
    await expect(chair.page.getByRole("heading", { level: 1 })).toBeVisible();
    await chair.page.screenshot({ path: "test-results/cab-meeting-mode-1440.png", fullPage: true });
    await chair.page.setViewportSize({ width: 390, height: 844 });
    await chair.page.screenshot({ path: "test-results/cab-meeting-mode-390.png", fullPage: true });
    await chair.page.setViewportSize({ width: 1440, height: 900 });

    // Ending asks first, lists what happens to each undecided item, and lets the chair carry ours.
    await chair.page.getByRole("button", { name: "End meeting" }).click();
    const dialog = chair.page.getByRole("dialog", { name: "End the meeting?" });
    await expect(dialog).toBeVisible();
    const undecided = dialog.getByRole("list", { name: "Undecided items" });
    await expect(undecided).toContainText(title);
    const choice = dialog.getByLabel(`What happens to #${change.number}`);
    await expect(choice).toHaveValue("");
    await expect(choice.locator("option:checked")).toHaveText(/^Defer/);
    await expect(choice.locator(`option[value="${next.id}"]`)).toHaveText(new RegExp(`^Carry to ${next.title}`));
    await choice.selectOption(next.id);
    await chair.page.screenshot({ path: "test-results/cab-end-meeting-dialog.png" });
    // Nothing has ended while the dialog is open.
    await expect(member.page.getByText("The meeting has ended.")).toHaveCount(0);
    await dialog.getByRole("button", { name: "End meeting" }).click();
    await expect(dialog).toBeHidden();
    await expect(chair.page.getByRole("list", { name: "Agenda" })).toContainText(`carried to ${next.title}`);
    // The member's screen learns of the outcome by itself too.
    await expect(member.page.getByText("The meeting has ended.")).toBeVisible();
    await expect(member.page.getByRole("list", { name: "Agenda" })).toContainText(`carried to ${next.title}`);

    // The next meeting has the item on its agenda.
    await chair.page.goto(`/cab/${next.id}`);
    await expect(chair.page.getByRole("list", { name: "Agenda" })).toContainText(title);

    // Minutes: everyone who joined or voted, words not codes, times in the zone, tables kept with their header.
    const pdf = await chair.page.request.get(`/api/v1/cab/meetings/${meeting.id}/minutes.pdf`);
    expect(pdf.status()).toBe(200);
    const pages = await pdfPages(await pdf.body());
    const text = pages.flat().join("\n");
    const attendees = text.replace(/\n/g, " ").match(/Attendees: (.*?) Agenda/)?.[1] ?? "";
    expect(attendees).toContain(`${chairPerson.name} (SecOps)`);
    expect(attendees).toContain(`${member.person.name} (NetOps)`);
    expect(text).toContain(`Decision: Carried to ${next.title}`);
    expect(text).toMatch(/\(Europe\/Berlin, GMT\+\d\)/);
    for (const code of ["CAB_REVIEW", "DEFERRED", "CARRIED", "NETOPS", "SECOPS", "APPROVE "]) expect(text).not.toContain(code);
    expect(text).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
    expect(pagesEndingWithHeader(pages, "Member Team Vote Time Comment", /^CAB minutes · page \d+$/)).toEqual([]);
    for (const lines of pages.slice(1)) expect(lines[0]).not.toMatch(/ (Approve|Reject) \d\d:\d\d /);

    expect(chair.errors()).toEqual([]);
    expect(member.errors()).toEqual([]);
  } finally {
    await setOrganizationTimeZone(admin, "UTC");
  }
});

test("a meeting dated in the past is refused unless it is recorded as a past meeting, and a title is unique whatever its case", async ({
  signedInAs,
}) => {
  const chair = await signedInAs(AS.secopsCab);
  const title = `Retro record ${stamp()}`;
  await chair.page.goto("/cab");
  await chair.page.getByLabel("Title").fill(title);
  await chair.page.getByLabel("Date and time").fill(localInput(-48));
  await chair.page.getByRole("button", { name: "Schedule" }).click();
  await expect(chair.page.getByRole("alert").filter({ hasText: "Date and time is in the past" })).toBeVisible();
  await expect(chair.page.getByLabel("Date and time")).toHaveAttribute("aria-invalid", "true");

  // The API says the same, naming the field.
  const refused = await chair.page.request.post("/api/v1/cab/meetings", {
    data: { title: `${title} api`, scheduledAt: new Date(Date.now() - 86_400_000).toISOString() },
  });
  expect(refused.status()).toBe(400);
  expect((await refused.json()).error.fields).toEqual([{ path: "scheduledAt", message: expect.stringMatching(/in the past/) }]);

  await chair.page.getByLabel("Record of a meeting already held").check();
  await chair.page.getByRole("button", { name: "Record the meeting" }).click();
  await expect(chair.page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(chair.page.getByText("Record of a past meeting")).toBeVisible();

  // The same title in other letters is taken.
  await chair.page.goto("/cab");
  await expect(chair.page.getByRole("list", { name: "Meetings" }).getByRole("listitem").filter({ hasText: title })).toContainText(
    "Record of a past meeting",
  );
  await chair.page.getByLabel("Title").fill(title.toUpperCase());
  await chair.page.getByLabel("Date and time").fill(localInput(72));
  await chair.page.getByRole("button", { name: "Schedule" }).click();
  await expect(chair.page.getByRole("alert").filter({ hasText: `Title: A CAB meeting is already called "${title}"` })).toBeVisible();
  expect(
    chair.errors([
      { status: 400, path: "/api/v1/cab/meetings" },
      { status: 409, path: "/api/v1/cab/meetings" },
    ]),
  ).toEqual([]);
});

test("the change form picks protect surfaces by search, by mouse or keyboard, and names the field in its errors; surface names are unique", async ({
  signedInAs,
  surfaceWithMap,
}) => {
  const first = await surfaceWithMap({ ...PAYMENTS, name: `Picker alpha ${stamp()}` });
  const second = await surfaceWithMap({ ...PAYMENTS, name: `Picker beta ${stamp()}` });
  const raj = await signedInAs(first.netopsOwner);
  await raj.page.goto("/changes/new");
  const box = raj.page.getByRole("combobox", { name: "Protect surfaces" });
  const picker = raj.page.getByRole("listbox", { name: "Protect surfaces" });
  await box.fill("picker");
  await expect(picker.getByRole("option", { name: new RegExp(first.name) })).toBeVisible();
  await expect(picker.getByRole("option", { name: new RegExp(second.name) })).toBeVisible();
  await box.fill(second.name.slice(0, -2).toUpperCase());
  // The Environment drop-down's own options are options too: count the picker's list only.
  await expect(raj.page.getByRole("listbox", { name: "Protect surfaces" }).getByRole("option")).toHaveCount(1);
  // Keyboard only: the highlighted option is picked with Enter.
  await box.press("ArrowDown");
  await box.press("Enter");
  await expect(picker.getByRole("option", { name: new RegExp(second.name) })).toHaveAttribute("aria-selected", "true");
  await box.press("Escape");
  await pickSurface(raj.page, first.name);
  const chosen = raj.page.getByRole("list", { name: "Chosen protect surfaces" });
  await expect(chosen.getByRole("listitem")).toHaveCount(2);
  await chosen.getByRole("button", { name: `Remove ${second.name}` }).click();
  await chosen.getByRole("button", { name: `Remove ${first.name}` }).click();
  await expect(chosen).toHaveCount(0);
  await box.fill("no such surface at all");
  await expect(raj.page.getByRole("listbox", { name: "Protect surfaces" })).toContainText("No protect surface matches");
  await box.fill("");
  await box.press("Escape");
  await raj.page.screenshot({ path: "test-results/change-form-surface-picker.png" });

  await raj.page.getByLabel("Title").fill("x");
  await raj.page.getByRole("button", { name: "Save draft" }).click();
  await expect(raj.page.getByRole("alert").filter({ hasText: "Protect surfaces: pick at least one protect surface" })).toBeVisible();
  await expect(raj.page.getByRole("alert").filter({ hasText: "Title must be at least 3 characters" })).toBeVisible();
  await expect(raj.page.getByText("surfaceIds")).toHaveCount(0);

  // A protect surface named like another, in other letters, is refused with the field named.
  const duplicate = await raj.page.request.post("/api/v1/surfaces", {
    data: { name: first.name.toLowerCase(), criticality: "LOW", purpose: "", elements: [] },
  });
  expect(duplicate.status()).toBe(409);
  expect((await duplicate.json()).error).toMatchObject({ code: "name_taken", fields: [{ path: "name" }] });
  expect(raj.errors([{ status: 400, path: "/api/v1/changes" }])).toEqual([]);
});
