import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { E2E_SERVER_ENV } from "./e2e/support/server-env";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;

/** Debian's Chromium where Playwright cannot download its own; CHROMIUM_PATH overrides. */
// The test process shares the server's environment: the fixtures (e2e/fixtures.ts) write to its
// database and sign session cookies with its secret. Set here, it reaches every worker.
for (const [name, value] of Object.entries(E2E_SERVER_ENV)) process.env[name] ??= value;

const chromiumPath = process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  // Resolves `server-only` to its empty module for the fixtures, which call the services directly.
  tsconfig: "./e2e/tsconfig.json",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 2,
  // No retries, in CI either: each test makes its own people and surfaces (e2e/fixtures.ts), so a
  // flaky test is a bug to fix at its cause, not to run again on the state it left behind.
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  // A user journey signs in (with a fresh password, which also satisfies step-up) and may make several
  // joint decisions; on a 2-core CI machine after the integration tests that can take over a minute.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  // A local OpenID Connect provider for the single sign-on tests.
  globalSetup: "./e2e/global-setup.ts",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    // A production build, the project's own migrations and the demo seed, as `npm start` does.
    // Always on PostgreSQL (DATABASE_URL, or the local one: e2e/support/database.ts), which the
    // fixtures share with the server.
    command: [
      "npx next build",
      "npx tsx --conditions=react-server lib/cli/prepare.ts",
      "npx tsx --conditions=react-server lib/cli/seed.ts",
      `npx next start -p ${PORT}`,
    ].join(" && "),
    url: `${baseURL}/signin`,
    // The build alone takes four to eight minutes on a busy two-core machine.
    timeout: 900_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
    env: { ...E2E_SERVER_ENV, PORT: String(PORT) },
  },
});
