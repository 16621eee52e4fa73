import { localDatabaseUrl } from "./database";
import { OIDC_CLIENT, OIDC_ISSUER } from "./oidc-provider";

const databaseUrl = process.env.DATABASE_URL || localDatabaseUrl();
process.env.DATABASE_URL = databaseUrl;

/**
 * The environment of the server under test. The test process shares it (see playwright.config.ts), so
 * that the fixtures write to the server's database and sign session cookies with the server's secret.
 */
export const E2E_SERVER_ENV = {
  CONCORD_ENV: "test",
  CONCORD_DATA_DIR: ".data/e2e-secret",
  DATABASE_URL: databaseUrl,
  // Test-only: the fixtures sign session cookies with it, as next-auth does after a sign-in.
  AUTH_SECRET: "test-only-e2e-auth-secret-0123456789abcdefghij",
  LOGIN_ATTEMPTS_PER_15_MINUTES: "1000",
  LOGIN_ATTEMPTS_PER_ADDRESS_PER_HOUR: "100000",
  // The same key as the integration tests': in CI both sign checkpoints into one database.
  AUDIT_CHECKPOINT_KEY: "test-only-audit-checkpoint-key-0123456789abcdef",
  OIDC_ISSUER,
  OIDC_CLIENT_ID: OIDC_CLIENT.id,
  OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
  OIDC_DISPLAY_NAME: "Test SSO",
  NEXT_TELEMETRY_DISABLED: "1",
  // The daily snapshot is the two-instance spec's subject (e2e/instances.spec.ts): the suite server
  // leaves it to the instances that spec starts, so no third writer races them.
  CONCORD_SNAPSHOTS: "off",
} as const;
