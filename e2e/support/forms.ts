import { expect, type Page } from "@playwright/test";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Picks a protect surface in the change form's searchable picker: types part of its name, clicks it, closes the list. */
export async function pickSurface(page: Page, name: string): Promise<void> {
  const box = page.getByRole("combobox", { name: "Protect surfaces" });
  await box.fill(name);
  await page
    .getByRole("listbox", { name: "Protect surfaces" })
    .getByRole("option", { name: new RegExp(`^${escapeRegExp(name)}\\b`) })
    .click();
  await box.press("Escape");
  await expect(page.getByRole("list", { name: "Chosen protect surfaces" })).toContainText(name);
}
