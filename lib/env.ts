import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
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
    /** A decision needs a second factor (or the password) within this many minutes. */
    STEP_UP_MINUTES: ZPositiveInt(10),
    /** "off" stops this instance from taking the daily metric snapshots (another instance will). */
    CONCORD_SNAPSHOTS: z.enum(["on", "off"]).default("on"),
    CONCORD_DEBUG_MIGRATIONS: z.stringbool().default(false),
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
      .transform((value) => value.split(",").map((item) => item.trim()).filter(Boolean)),
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
    if (env.CONCORD_ENV === "production" && !env.APP_URL) {
      ctx.addIssue({ code: "custom", path: ["APP_URL"], message: "is required when CONCORD_ENV=production" });
    }
  });

export type TEnv = z.infer<typeof ZEnv> & {
  dataDir: string;
  authSecret: string;
  appUrl: string;
  oidcEnabled: boolean;
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
  return {
    ...env,
    dataDir,
    authSecret: env.AUTH_SECRET ?? readOrCreateLocalSecret(dataDir),
    appUrl: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
    oidcEnabled: Boolean(env.OIDC_ISSUER),
  };
}

/** Outside production a missing AUTH_SECRET is generated once and kept in the data folder. */
function readOrCreateLocalSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
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
