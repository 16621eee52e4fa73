import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { AS, expect, test } from "./fixtures";
import { mainPages } from "./support/pages";
import { RAW_ENUM_CODES } from "@/lib/ui/labels";

/** The rules of WCAG 2.2 A and AA: what "no axe violations" holds every page of every role to. */
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** Opens a page and waits until it has drawn its heading (client parts hydrated, queries answered). */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator("main h1, main [role=alert]").first()).toBeVisible({ timeout: 30_000 });
  await page.waitForLoadState("load");
  // Loading placeholders give way to the data before the page is judged.
  await expect(page.getByText(/^Loading/)).toHaveCount(0, { timeout: 15_000 });
}

/** The text a person reads on the page, leaving out code samples, keys and what they typed. */
function readableText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const skip = "code, pre, kbd, samp, script, style, textarea, input, [data-raw-code]";
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const parts: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (parent && !parent.closest(skip)) parts.push(node.textContent ?? "");
    }
    return parts.join(" ");
  });
}

const ROLES = Object.keys(AS) as Array<keyof typeof AS>;
/** Pages per test: a role's sweep is split so each test stays short on a busy machine. */
const PAGES_PER_TEST = 8;
const GROUPS = 4;

for (const role of ROLES) {
  for (let group = 0; group < GROUPS; group++) {
    test(`pages ${group * PAGES_PER_TEST + 1}–${(group + 1) * PAGES_PER_TEST} have no axe violations for the ${role} role`, async ({
      signedInAs,
      surfaceWithMap,
    }) => {
      test.setTimeout(300_000);
      const surface = await surfaceWithMap({ agreed: true });
      const { page } = await signedInAs(AS[role]);
      const pages = await mainPages(surface);
      // The last group takes whatever is left, so a page added to the list is never skipped.
      const mine =
        group === GROUPS - 1 ? pages.slice(group * PAGES_PER_TEST) : pages.slice(group * PAGES_PER_TEST, (group + 1) * PAGES_PER_TEST);
      const found: string[] = [];
      for (const path of mine) {
        await open(page, path);
        const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
        for (const violation of violations) {
          found.push(
            `${path}: ${violation.id} (${violation.impact}) ${violation.help} — ${violation.nodes
              .slice(0, 3)
              .map((node) => node.target.join(" "))
              .join(" | ")}`,
          );
        }
      }
      expect(found).toEqual([]);
    });
  }
}

test("no page shows an internal code where a label belongs", async ({ signedInAs, surfaceWithMap }) => {
  test.setTimeout(600_000);
  const surface = await surfaceWithMap({ agreed: true });
  const { page } = await signedInAs(AS.admin);
  const pattern = new RegExp(`\\b(${RAW_ENUM_CODES.join("|")})\\b`, "g");
  const found: string[] = [];
  for (const path of await mainPages(surface)) {
    await open(page, path);
    const codes = [...new Set((await readableText(page)).match(pattern) ?? [])];
    if (codes.length > 0) found.push(`${path}: ${codes.join(", ")}`);
  }
  expect(found).toEqual([]);
});

test("every page is usable 390 px wide without scrolling sideways", async ({ signedInAs, surfaceWithMap }) => {
  test.setTimeout(600_000);
  const surface = await surfaceWithMap({ agreed: true });
  const { page } = await signedInAs(AS.admin, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const found: string[] = [];
  for (const path of await mainPages(surface)) {
    await open(page, path);
    // Wide tables and the canvas scroll inside their own regions; the page itself must not.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 1) {
      // Name the elements that stick out while their parent does not: where the page widens.
      const culprits = await page.evaluate(() => {
        const width = document.documentElement.clientWidth + 1;
        return [...document.querySelectorAll("body *")]
          .filter((element) => element.getBoundingClientRect().right > width)
          .filter((element) => !element.parentElement || element.parentElement.getBoundingClientRect().right <= width)
          .slice(0, 3)
          .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].slice(0, 5).join(".")}`);
      });
      found.push(`${path}: ${overflow}px wider (${culprits.join(" | ")})`);
    }
  }
  await page.goto("/dashboard");
  await page.screenshot({ path: "test-results/dashboard-390.png", fullPage: true });
  expect(found).toEqual([]);
});
