/**
 * Lighthouse performance of the main pages, on a phone (Lighthouse's default mobile profile: Moto G
 * class CPU, slow 4G) and on a desktop. Prints one line per page and profile with the score, Total
 * Blocking Time and Largest Contentful Paint; asserts nothing.
 *
 *   BASE_URL=http://localhost:3000 npx tsx bench/lighthouse.ts     # a running production server with the demo data
 *   npx tsx bench/lighthouse.ts                                    # builds, migrates, seeds and starts one on PORT (3300)
 *   PAGES=/dashboard,/surfaces npx tsx bench/lighthouse.ts         # only these pages
 *
 * Signs in as the demo administrator through the sign-in form (so it sees every page) and hands the
 * session cookie to Lighthouse. Chromium: CHROMIUM_PATH, else /usr/bin/chromium if present, else Playwright's.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { chromium } from "@playwright/test";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";

const PORT = Number(process.env.PORT ?? 3300);
const BASE_URL = process.env.BASE_URL ?? `http://localhost:${PORT}`;
const DEMO = { email: "alex.kim@example.com", password: "concord-demo-2026" };
const CHROMIUM = process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : chromium.executablePath());
const FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const PAGES = (
  process.env.PAGES ??
  "/dashboard,/dashboard/kpis,/maturity,/surfaces,/flows,/discovery,/changes,/changes/calendar,/cab,/admin,/admin/audit"
).split(",");

async function startServer(): Promise<ChildProcess | null> {
  if (process.env.BASE_URL) return null;
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PORT: String(PORT) };
  const server = spawn(
    "sh",
    [
      "-c",
      `npx next build && npx tsx --conditions=react-server lib/cli/prepare.ts && npx tsx --conditions=react-server lib/cli/seed.ts && exec npx next start -p ${PORT}`,
    ],
    { env, stdio: ["ignore", "inherit", "inherit"], detached: true },
  );
  for (let attempt = 0; attempt < 1200; attempt++) {
    try {
      if ((await fetch(`${BASE_URL}/signin`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`The server did not answer on ${BASE_URL}/signin`);
}

/** The session cookie of the demo administrator, signed in through the form as a person would. */
async function sessionCookie(): Promise<string> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS.slice(1) });
  try {
    const page = await browser.newPage();
    await page.goto(`${BASE_URL}/signin`);
    await page.getByLabel("Email").fill(DEMO.email);
    await page.getByLabel("Password").fill(DEMO.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/signin"), { timeout: 60_000 });
    const cookies = await page.context().cookies();
    return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
  } finally {
    await browser.close();
  }
}

type TResult = { score: number; tbt: number; lcp: number };

async function measure(port: number, url: string, cookie: string, desktop: boolean): Promise<TResult> {
  const result = await lighthouse(
    url,
    { port, output: "json", logLevel: "error", onlyCategories: ["performance"], extraHeaders: { Cookie: cookie } },
    desktop ? desktopConfig : undefined,
  );
  const lhr = result!.lhr;
  return {
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    tbt: Math.round(lhr.audits["total-blocking-time"]?.numericValue ?? 0),
    lcp: Math.round(lhr.audits["largest-contentful-paint"]?.numericValue ?? 0),
  };
}

const server = await startServer();
try {
  const cookie = await sessionCookie();
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
  try {
    // One unmeasured visit per page first: the server's caches are warm for every measured one.
    for (const path of PAGES) await fetch(`${BASE_URL}${path}`, { headers: { cookie } });
    console.log("page                          mobile  TBT ms  LCP ms   desktop  TBT ms  LCP ms");
    for (const path of PAGES) {
      const mobile = await measure(chrome.port, `${BASE_URL}${path}`, cookie, false);
      const desktop = await measure(chrome.port, `${BASE_URL}${path}`, cookie, true);
      console.log(
        `${path.padEnd(30)}${String(mobile.score).padStart(6)}${String(mobile.tbt).padStart(8)}${String(mobile.lcp).padStart(8)}` +
          `${String(desktop.score).padStart(10)}${String(desktop.tbt).padStart(8)}${String(desktop.lcp).padStart(8)}`,
      );
    }
  } finally {
    chrome.kill();
  }
} finally {
  if (server?.pid) process.kill(-server.pid, "SIGTERM");
}
