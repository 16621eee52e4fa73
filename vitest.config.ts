import path from "node:path";
import { defineConfig } from "vitest/config";

// `server-only` throws outside a React Server environment; the tests run server code directly.
const alias = {
  "@": path.resolve(import.meta.dirname),
  "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
};
const env = {
  CONCORD_ENV: "test",
  AUTH_SECRET: "vitest-only-secret-vitest-only-secret-0123",
  AUDIT_CHECKPOINT_KEY: "test-only-audit-checkpoint-key-0123456789abcdef",
  NEXT_TELEMETRY_DISABLED: "1",
};

/**
 * Unit tests (`*.test.ts`) touch no database. Integration tests (`*.int.test.ts`) run the services
 * against a real database: Postgres when DATABASE_URL is set, otherwise an in-memory PGlite per file.
 * Both fail a test that writes to console.error or console.warn unasked (lib/test/console.ts).
 */
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts"],
          exclude: ["**/*.int.test.ts"],
          env,
          setupFiles: ["lib/test/setup-console.ts"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["lib/**/*.int.test.ts"],
          env: { ...env, CONCORD_DATA_DIR: process.env.DATABASE_URL ? ".data/vitest" : ":memory:" },
          globalSetup: ["lib/test/global-setup.ts"],
          setupFiles: ["lib/test/setup-console.ts", "lib/test/setup-database.ts"],
          pool: "forks",
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
