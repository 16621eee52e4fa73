import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * The unit project alone, for mutation testing (stryker.config.mjs). Unit tests run in milliseconds
 * against the pure rule files, so Stryker can run them once per mutant; the integration project
 * (a database per file) stays out of the mutation run and is covered by the ordinary test run.
 */
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["lib/**/*.test.ts"],
    exclude: ["**/*.int.test.ts", "**/node_modules/**"],
    setupFiles: ["lib/test/setup-console.ts"],
    env: { CONCORD_ENV: "test", AUTH_SECRET: "vitest-only-secret-vitest-only-secret-0123", NEXT_TELEMETRY_DISABLED: "1" },
  },
});
