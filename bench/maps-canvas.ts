/**
 * Browser figures of the flow map, against a running Concord that shares DATABASE_URL with this
 * script (e.g. `DATABASE_URL=… npm start` in one shell, then
 * `DATABASE_URL=… BENCH_BASE_URL=http://localhost:3000 npx tsx --conditions=react-server bench/maps-canvas.ts`):
 * - load time and frame times (requestAnimationFrame deltas) while panning and dragging, at 500/1,000, 1,000/2,000 and 2,000/4,000;
 * - main-thread long tasks while the 500-node map is laid out in the worker (BENCH_LAYOUT_RUNS runs, 5 by default);
 * - edit-to-second-browser latency over 50 edits.
 * It prints figures; it asserts nothing. Set CHROMIUM_PATH where Playwright has no browser of its own.
 */
import { chromium, type Page } from "@playwright/test";
import { closeDatabase } from "@/lib/db";
import { createBenchMap, ms, percentile } from "./maps-fixture";

const BASE = process.env.BENCH_BASE_URL ?? "http://localhost:3000";
const EMAIL = process.env.BENCH_EMAIL ?? "raj.patel@example.com";
const PASSWORD = process.env.BENCH_PASSWORD ?? "concord-demo-2026";
if (!process.env.DATABASE_URL)
  throw new Error("Set DATABASE_URL to the database the server uses, so the generated maps are visible to it.");

const browser = await chromium.launch({
  // CHROMIUM_PATH points at a system Chromium where Playwright cannot download its own.
  executablePath: process.env.CHROMIUM_PATH,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

async function signedInPage(): Promise<Page> {
  // The layout wait polls a text predicate, which the app's Content Security Policy (no eval) would refuse.
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${BASE}/signin`);
  await page.getByLabel("Email").fill(EMAIL);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: /Account menu for/ }).waitFor();
  return page;
}

// Scripts run in the page are passed as text: the TypeScript runner decorates compiled functions with helpers the page does not have.
const START_FRAMES = `(() => {
  window.benchFrames = [];
  window.benchRecording = true;
  let last = performance.now();
  const tick = (now) => { window.benchFrames.push(now - last); last = now; if (window.benchRecording) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})()`;
// The toolbar button reads "Laying out…" from the click until the layout is saved.
const LAYOUT_FINISHED = `![...document.querySelectorAll("button")].some((button) => button.textContent.includes("Laying out"))`;
const STOP_FRAMES = `(() => { window.benchRecording = false; return window.benchFrames.slice(1); })()`;

async function recordFrames(page: Page, action: () => Promise<void>): Promise<number[]> {
  await page.evaluate(START_FRAMES);
  await action();
  return page.evaluate<number[]>(STOP_FRAMES);
}

async function dragAcross(page: Page, from: { x: number; y: number }, dx: number, dy: number, steps: number): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let step = 1; step <= steps; step += 1) await page.mouse.move(from.x + (dx * step) / steps, from.y + (dy * step) / steps);
  await page.mouse.up();
}

async function openMap(page: Page, surfaceId: string): Promise<number> {
  const started = Date.now();
  await page.goto(`${BASE}/surfaces/${surfaceId}/map`);
  await page.locator("[data-testid=map-node]").first().waitFor();
  await page.getByTestId("live-status").getByText("Live").waitFor();
  return Date.now() - started;
}

/** Pans the view back and forth, then drags a node (which leaves it selected, its inspector open). */
async function panAndDrag(page: Page): Promise<{ panning: number[]; dragging: number[] }> {
  const pane = (await page.locator(".react-flow__pane").boundingBox())!;
  const centre = { x: pane.x + pane.width / 2, y: pane.y + pane.height / 2 };
  const panning = await recordFrames(page, async () => {
    for (let round = 0; round < 3; round += 1) {
      await dragAcross(page, centre, 300, 150, 60);
      await dragAcross(page, centre, -300, -150, 60);
    }
  });
  const first = (await page.locator("[data-testid=map-node]").first().boundingBox())!;
  const dragging = await recordFrames(page, () => dragAcross(page, { x: first.x + 90, y: first.y + 30 }, 200, 120, 90));
  return { panning, dragging };
}

/** Main-thread tasks over 50 ms from the click on "Auto layout" until the laid-out map is saved and every flow is back. */
async function measureLayout(page: Page): Promise<{ elapsed: number; tasks: number[] }> {
  // Found before the count starts: Playwright's role engine walking a 1,500-element page is itself a long task.
  const button = await page.getByRole("button", { name: "Auto layout" }).elementHandle();
  await page.evaluate(`(() => {
    window.benchLongTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => window.benchLongTasks.push(entry.duration))).observe({ type: "longtask" });
  })()`);
  const started = Date.now();
  await button!.click();
  // Polled with a plain query, rarely, for the same reason.
  await page.waitForFunction(LAYOUT_FINISHED, undefined, { polling: 500, timeout: 300_000 });
  return { elapsed: Date.now() - started, tasks: await page.evaluate<number[]>("window.benchLongTasks") };
}

/** The browser reports every main-thread task over 50 ms as a long task: how many, longest first. */
function longTasks(tasks: number[]): string {
  const longest = [...tasks].sort((a, b) => b - a);
  return `main-thread tasks over 50 ms: ${tasks.length}${tasks.length ? ` (${longest.map((duration) => ms(duration)).join(", ")})` : ""}`;
}

const LAYOUT_RUNS = Number(process.env.BENCH_LAYOUT_RUNS ?? 5);

for (const [nodes, edges] of [
  [500, 1000],
  [1000, 2000],
  [2000, 4000],
] as const) {
  const surfaceId = await createBenchMap(nodes, edges);
  const page = await signedInPage();
  console.log(`${nodes} nodes / ${edges} edges: loaded and interactive in ${await openMap(page, surfaceId)} ms`);
  const { panning, dragging } = await panAndDrag(page);
  console.log(
    `  panning: ${panning.length} frames, p50 ${ms(percentile(panning, 50))}, p95 ${ms(percentile(panning, 95))} (target p95 ≤ 33 ms up to 2,000/4,000)`,
  );
  console.log(`  dragging a node: ${dragging.length} frames, p50 ${ms(percentile(dragging, 50))}, p95 ${ms(percentile(dragging, 95))}`);

  if (nodes === 500) {
    // Each run on a map of its own, after the same pan and drag: a laid-out map has nothing left to move.
    for (let run = 1; run <= LAYOUT_RUNS; run += 1) {
      if (run > 1) {
        await openMap(page, await createBenchMap(nodes, edges));
        await panAndDrag(page);
      }
      const { elapsed, tasks } = await measureLayout(page);
      console.log(
        `  layout run ${run}/${LAYOUT_RUNS}, in the worker, moved into place and saved: ${elapsed} ms; ${longTasks(tasks)} (target: none)`,
      );
    }

    const watcher = await signedInPage();
    await watcher.goto(`${BASE}/surfaces/${surfaceId}/map`);
    await watcher.getByTestId("live-status").getByText("Live").waitFor();
    const visibleLabel = await watcher.locator("[data-testid=map-node]").first().getAttribute("data-label");
    const map = (await (await page.request.get(`${BASE}/api/v1/surfaces/${surfaceId}/map`)).json()) as {
      nodes: Array<{ id: string; label: string; version: number }>;
    };
    let target = map.nodes.find((candidate) => candidate.label === visibleLabel)!;
    const latencies: number[] = [];
    for (let edit = 0; edit < 50; edit += 1) {
      const label = `bench-edit-${edit}`;
      const seen = watcher.evaluate<number>(`new Promise((resolve) => {
        const found = () => document.querySelector('[data-testid=map-node][data-label="${label}"]');
        if (found()) return resolve(Date.now());
        const observer = new MutationObserver(() => { if (found()) { observer.disconnect(); resolve(Date.now()); } });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-label"] });
      })`);
      const sent = Date.now();
      const response = await page.request.post(`${BASE}/api/v1/surfaces/${surfaceId}/map/batch`, {
        data: { operations: [{ op: "updateNode", id: target.id, version: target.version, patch: { label } }] },
      });
      const result = (await response.json()) as { nodes: Array<{ id: string; label: string; version: number }> };
      target = result.nodes[0] ?? target;
      latencies.push((await seen) - sent);
    }
    console.log(
      `  edit → visible in a second browser: p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))} over 50 edits (target p95 ≤ 1,000 ms)`,
    );
    await watcher.context().close();
  } else {
    const { elapsed, tasks } = await measureLayout(page);
    console.log(`  layout, for reference (the target is set at 500 nodes): ${elapsed} ms; ${longTasks(tasks)}`);
  }
  await page.context().close();
}

await browser.close();
await closeDatabase();
