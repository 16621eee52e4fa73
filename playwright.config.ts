import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { OIDC_CLIENT, OIDC_ISSUER } from "./e2e/support/oidc-provider";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;

/** Debian's Chromium where Playwright cannot download its own; CHROMIUM_PATH overrides. */
const chromiumPath = process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  // Locally no retries: a flaky test is fixed at its cause. CI keeps one retry as a safety net while
  // the specs still share demo records (a retry runs on the state the failed attempt left behind).
  retries: process.env.CI ? 1 : 0,
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
    // Without DATABASE_URL each run starts from an empty embedded database.
    command: [
      process.env.DATABASE_URL ? null : "rm -rf .data/e2e",
      "npx next build",
      "npx tsx --conditions=react-server lib/cli/prepare.ts",
      "npx tsx --conditions=react-server lib/cli/seed.ts",
      `npx next start -p ${PORT}`,
    ]
      .filter(Boolean)
      .join(" && "),
    url: `${baseURL}/signin`,
    timeout: 600_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      CONCORD_ENV: "test",
      CONCORD_DATA_DIR: process.env.DATABASE_URL ? ".data/e2e-secret" : ".data/e2e",
      LOGIN_ATTEMPTS_PER_15_MINUTES: "1000",
      LOGIN_ATTEMPTS_PER_ADDRESS_PER_HOUR: "100000",
      // The same key as the integration tests': in CI both sign checkpoints into one database.
      AUDIT_CHECKPOINT_KEY: "test-only-audit-checkpoint-key-0123456789abcdef",
      OIDC_ISSUER,
      OIDC_CLIENT_ID: OIDC_CLIENT.id,
      OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
      OIDC_DISPLAY_NAME: "Test SSO",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
