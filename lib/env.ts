import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import net from "node:net";
import { z } from "zod";

/**
 * The one place that reads the process environment. Everything else asks `getEnv()`.
 * Parsing is lazy so that `next build` can import modules without a configured environment.
 */

const ZOptionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const ZPositiveInt = (fallback: number) =>
  z.coerce.number({ error: "must be a number" }).int("must be a whole number").positive("must be greater than 0").default(fallback);

/** One address or CIDR range: `10.0.0.1`, `10.0.0.0/8`, `fd00::/8`. */
function isAddressOrRange(entry: string): boolean {
  const [address, bits, ...rest] = entry.split("/");
  const family = net.isIP(address ?? "");
  if (!family || rest.length > 0) return false;
  if (bits === undefined) return true;
  const prefix = Number(bits);
  return /^\d+$/.test(bits) && prefix <= (family === 4 ? 32 : 128);
}

const ZTrustedProxies = z
  .string()
  .default("")
  .transform((value) =>
    value
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().refine(isAddressOrRange, "must list IP addresses or CIDR ranges, comma-separated")));

export const ZEnv = z
  .object({
    CONCORD_ENV: z.enum(["local", "test", "production"]).default("local"),
    DATABASE_URL: ZOptionalString.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
        .optional(),
    ),
    CONCORD_DATA_DIR: ZOptionalString,
    AUTH_SECRET: ZOptionalString.pipe(z.string().min(32, "must be at least 32 characters").optional()),
    APP_URL: ZOptionalString.pipe(z.url("must be a URL such as http://localhost:3000").optional()),
    PORT: ZPositiveInt(3000),
    SESSION_IDLE_MINUTES: ZPositiveInt(30),
    SESSION_MAX_HOURS: ZPositiveInt(12),
    LOGIN_ATTEMPTS_PER_15_MINUTES: ZPositiveInt(10),
    LOGIN_ATTEMPTS_PER_ADDRESS_PER_HOUR: ZPositiveInt(100),
    TOKEN_REQUESTS_PER_MINUTE: ZPositiveInt(600),
    /** Reverse proxies whose X-Forwarded-For is believed; empty: the socket's address is the client. */
    TRUSTED_PROXIES: ZTrustedProxies,
    /** Lets CONCORD_ENV=production serve on a plain-http APP_URL (behind a TLS-terminating proxy on localhost, say). */
    CONCORD_ALLOW_HTTP: z.stringbool().default(false),
    /** A decision needs a second factor (or the password) within this many minutes. */
    STEP_UP_MINUTES: ZPositiveInt(10),
    /** "off" stops this instance from taking the daily metric snapshots (another instance will). */
    CONCORD_SNAPSHOTS: z.enum(["on", "off"]).default("on"),
    /** Discovery: observed traffic older than this many days is pruned by the daily job. */
    DISCOVERY_RETENTION_DAYS: ZPositiveInt(90),
    /** Discovery: a drawn flow not observed for this many days is a candidate for removal. */
    DISCOVERY_UNSEEN_DAYS: ZPositiveInt(30),
    /** Policy: days of observed traffic a change's impact preview (and its classification fact) replays. */
    POLICY_IMPACT_DAYS: ZPositiveInt(30),
    /** Policy: drift a surface has shown for longer than this many days goes on leadership's attention list. */
    POLICY_DRIFT_ATTENTION_DAYS: ZPositiveInt(7),
    CONCORD_DEBUG_MIGRATIONS: z.stringbool().default(false),
    /** Operations: how long a database connect and one statement may take, the SIGTERM grace period, logs and metrics. */
    DATABASE_CONNECT_TIMEOUT_MS: ZPositiveInt(5_000),
    DATABASE_STATEMENT_TIMEOUT_MS: ZPositiveInt(15_000),
    CONCORD_SHUTDOWN_GRACE_SECONDS: ZPositiveInt(20),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    METRICS_TOKEN: ZOptionalString.pipe(z.string().min(16, "must be at least 16 characters").optional()),
    /** Signs the audit checkpoints; kept out of the database so that whoever owns the table cannot forge one. */
    AUDIT_CHECKPOINT_KEY: ZOptionalString.pipe(z.string().min(32, "must be at least 32 characters").optional()),
    /** Retired checkpoint keys, comma-separated: the checkpoints they signed still verify after a rotation. */
    AUDIT_CHECKPOINT_PREVIOUS_KEYS: ZOptionalString,
    AUDIT_CHECKPOINT_MINUTES: ZPositiveInt(60),
    /** A file each checkpoint is also appended to (JSON lines): the copy an attacker of the database cannot reach. */
    AUDIT_CHECKPOINT_FILE: ZOptionalString,
    /** Whether webhook subscriptions may target loopback/private addresses; unset: allowed except in production. */
    CONCORD_WEBHOOK_PRIVATE_TARGETS: z.enum(["allow", "deny"], { error: "must be allow or deny" }).optional(),
    OIDC_ISSUER: ZOptionalString.pipe(z.url("must be the issuer URL").optional()),
    OIDC_CLIENT_ID: ZOptionalString,
    OIDC_CLIENT_SECRET: ZOptionalString,
    OIDC_DISPLAY_NAME: ZOptionalString,
    OIDC_TEAM_CLAIM: z.string().default("concord_team"),
    OIDC_ROLES_CLAIM: z.string().default("concord_roles"),
    /** `acr` values of the identity provider that count as a second factor (comma-separated). */
    OIDC_MFA_ACR_VALUES: z
      .string()
      .default("")
      .transform((value) =>
        value
          .split(",")
          .map((item) => item.trim())
          .filter(Boolean),
      ),
  })
  .superRefine((env, ctx) => {
    if (env.OIDC_ISSUER && (!env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET)) {
      for (const key of ["OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const) {
        if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: "is required when OIDC_ISSUER is set" });
      }
    }
    if (env.CONCORD_ENV === "production" && !env.AUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "is required when CONCORD_ENV=production" });
    }
    if (env.CONCORD_ENV === "production" && !env.AUDIT_CHECKPOINT_KEY) {
      ctx.addIssue({ code: "custom", path: ["AUDIT_CHECKPOINT_KEY"], message: "is required when CONCORD_ENV=production" });
    }
    if (env.AUDIT_CHECKPOINT_KEY && env.AUDIT_CHECKPOINT_KEY === env.AUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["AUDIT_CHECKPOINT_KEY"], message: "must differ from AUTH_SECRET" });
    }
    if (env.CONCORD_ENV === "production" && !env.APP_URL) {
      ctx.addIssue({ code: "custom", path: ["APP_URL"], message: "is required when CONCORD_ENV=production" });
    }
    if (env.CONCORD_ENV === "production" && env.APP_URL?.startsWith("http:") && !env.CONCORD_ALLOW_HTTP) {
      ctx.addIssue({
        code: "custom",
        path: ["APP_URL"],
        message: "must be https when CONCORD_ENV=production (or set CONCORD_ALLOW_HTTP=true)",
      });
    }
  });

export type TEnv = z.infer<typeof ZEnv> & {
  dataDir: string;
  authSecret: string;
  appUrl: string;
  /** APP_URL is https: HSTS is sent and cookies carry the `__Secure-` prefix and `Secure`. */
  secureCookies: boolean;
  oidcEnabled: boolean;
  webhookPrivateTargetsAllowed: boolean;
};

export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Concord's configuration is invalid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): TEnv {
  const parsed = ZEnv.safeParse(source);
  if (!parsed.success) {
    throw new EnvError(parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`));
  }
  const env = parsed.data;
  // The data folder is chosen at run time; keep it out of the build's file tracing.
  const dataDir = path.resolve(/*turbopackIgnore: true*/ env.CONCORD_DATA_DIR ?? ".data");
  const appUrl = (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
  return {
    ...env,
    dataDir,
    authSecret: env.AUTH_SECRET ?? readOrCreateLocalSecret(dataDir, "auth-secret"),
    appUrl,
    secureCookies: appUrl.startsWith("https:"),
    oidcEnabled: Boolean(env.OIDC_ISSUER),
    webhookPrivateTargetsAllowed:
      (env.CONCORD_WEBHOOK_PRIVATE_TARGETS ?? (env.CONCORD_ENV === "production" ? "deny" : "allow")) === "allow",
  };
}

/** Outside production a missing secret is generated once and kept in the data folder. */
function readOrCreateLocalSecret(dataDir: string, name: string): string {
  const file = path.join(dataDir, name);
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const secret = crypto.randomBytes(48).toString("base64url");
    try {
      fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
      return secret;
    } catch {
      // Another process created it first; use theirs.
      return fs.readFileSync(file, "utf8").trim();
    }
  }
}

/**
 * The audit checkpoint key. Outside production a missing one is generated when first needed (not at
 * start-up, so tools that never sign anything leave the data folder alone).
 */
export function getAuditCheckpointKey(env: TEnv = getEnv()): string {
  return env.AUDIT_CHECKPOINT_KEY ?? readOrCreateLocalSecret(env.dataDir, "audit-checkpoint-key");
}

/** Every key a checkpoint may carry a valid signature of: the current one, then the retired ones. */
export function getAuditCheckpointKeys(env: TEnv = getEnv()): string[] {
  const previous = (env.AUDIT_CHECKPOINT_PREVIOUS_KEYS ?? "")
    .split(",")
    .map((key) => key.trim())
    .filter(Boolean);
  return [getAuditCheckpointKey(env), ...previous];
}

let cached: TEnv | undefined;

export function getEnv(): TEnv {
  if (!cached) {
    // Next.js loads .env itself; the command-line tools get the same values from here.
    if (fs.existsSync(".env")) process.loadEnvFile(".env");
    cached = parseEnv(process.env);
    // next-auth v4 reads these two from the process environment itself.
    process.env.NEXTAUTH_URL ??= cached.appUrl;
    process.env.NEXTAUTH_SECRET ??= cached.authSecret;
  }
  return cached;
}
