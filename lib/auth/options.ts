import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { TActor } from "./actor";
import { burnPasswordCheck, verifyPassword } from "./password";
import { endSession, startSession } from "./sessions";
import { mapOidcClaims } from "./oidc";
import { upsertOidcUser } from "./oidc-users";
import { log } from "@/lib/ops/log";
import { loginLimits, TooManyAttemptsError } from "@/lib/limits/login";
import { requestClientAddress } from "@/lib/net/request-address";
import { safeRedirectUrl } from "./redirect";
import { signInFactor } from "@/lib/mfa/step-up";
import { oidcClaimsSatisfyMfa, type TStepUpFactor } from "@/lib/mfa/rules";

/** Sign-in errors the form explains (next-auth passes the message on); any other is logged only. */
const SIGN_IN_ERRORS = new Set(["TooManyAttempts", "MfaRequired", "MfaInvalid"]);

const ZCredentials = z.object({ email: z.email().max(320), password: z.string().min(1).max(1024) });

type TSignedInUser = TActor & { sessionMeta: { userAgent?: string; ip?: string; method: string; factor?: TStepUpFactor } };

function header(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = headers?.[name];
  return typeof value === "string" ? value : undefined;
}

async function authorizeCredentials(
  raw: Record<string, string> | undefined,
  headers: Record<string, unknown> | undefined,
): Promise<TSignedInUser | null> {
  const parsed = ZCredentials.safeParse(raw);
  if (!parsed.success) return null;
  const email = parsed.data.email.toLowerCase();
  const ip = requestClientAddress(headers);
  return loginLimits().limit({ account: email, address: ip }, () => checkPassword(email, parsed.data.password, raw, headers, ip));
}

async function checkPassword(
  email: string,
  password: string,
  raw: Record<string, string> | undefined,
  headers: Record<string, unknown> | undefined,
  ip: string,
): Promise<TSignedInUser | null> {
  const user = await db.user.findUnique({ where: { email } });
  if (!user) {
    await burnPasswordCheck(password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password)) || user.status !== "ACTIVE") return null;
  // Accounts with a second factor: the form asks for it after the password, then sends both.
  const factor = await signInFactor(user.id, raw);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    team: user.team,
    roles: user.roles,
    sessionMeta: { userAgent: header(headers, "user-agent"), ip, method: "password", factor },
  };
}

const OIDC_HTTP_TIMEOUT_MS = 10_000;

function providers(): NextAuthOptions["providers"] {
  const env = getEnv();
  const list: NextAuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
        code: { label: "Authentication code", type: "text" },
        recoveryCode: { label: "Recovery code", type: "text" },
        passkey: { label: "Passkey", type: "text" },
      },
      async authorize(credentials, req) {
        try {
          return await authorizeCredentials(credentials, req.headers);
        } catch (error) {
          if (error instanceof TooManyAttemptsError) throw new Error("TooManyAttempts");
          if (error instanceof Error && SIGN_IN_ERRORS.has(error.message)) throw error;
          // next-auth would put the message in the redirect URL: log it here, show nothing of it.
          log.error({ err: error }, "sign-in failed unexpectedly");
          throw new Error("SignInUnavailable");
        }
      },
    }),
  ];
  if (env.oidcEnabled) {
    list.push({
      id: "oidc",
      name: env.OIDC_DISPLAY_NAME ?? "Single sign-on",
      type: "oauth",
      wellKnown: `${env.OIDC_ISSUER!.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      // openid-client gives up on discovery and token calls after 3.5 s, which a busy provider or a
      // busy host exceeds; the user would see "sign-in unavailable" for a provider that is up.
      httpOptions: { timeout: OIDC_HTTP_TIMEOUT_MS },
      profile(profile: Record<string, unknown>) {
        return { id: String(profile.sub), email: String(profile.email ?? ""), name: String(profile.name ?? "") };
      },
    });
  }
  return list;
}

export function getAuthOptions(): NextAuthOptions {
  const env = getEnv();
  return {
    secret: env.authSecret,
    providers: providers(),
    session: { strategy: "jwt", maxAge: env.SESSION_MAX_HOURS * 3600 },
    // https: `__Secure-` cookie names and the Secure flag (next-auth's own choice, made explicit).
    useSecureCookies: env.secureCookies,
    pages: { signIn: "/signin", error: "/signin" },
    callbacks: {
      redirect({ url }) {
        return safeRedirectUrl(url, env.appUrl);
      },
      async signIn({ account, profile }) {
        if (account?.provider !== "oidc") return true;
        const identity = mapOidcClaims((profile ?? {}) as Record<string, unknown>, {
          team: env.OIDC_TEAM_CLAIM,
          roles: env.OIDC_ROLES_CLAIM,
        });
        return Boolean(identity && (await upsertOidcUser(identity)));
      },
      async jwt({ token, user, account, profile }) {
        if (!user) return token;
        // A fresh sign-in: the token carries only the id of a server-side session row.
        let actor: TActor | null = null;
        let meta: TSignedInUser["sessionMeta"] = { method: account?.provider ?? "unknown" };
        if (account?.provider === "oidc") {
          const row = await db.user.findUnique({ where: { oidcSubject: account.providerAccountId } });
          if (row) actor = { id: row.id, email: row.email, name: row.name, team: row.team, roles: row.roles };
          const viaMfa = oidcClaimsSatisfyMfa((profile ?? {}) as Record<string, unknown>, env.OIDC_MFA_ACR_VALUES);
          meta = { method: "oidc", factor: viaMfa ? "oidc_mfa" : "oidc" };
        } else {
          const signedIn = user as unknown as TSignedInUser;
          actor = { id: signedIn.id, email: signedIn.email, name: signedIn.name, team: signedIn.team, roles: signedIn.roles };
          meta = signedIn.sessionMeta;
        }
        if (!actor) return { ...token, sid: undefined };
        return { sub: actor.id, sid: await startSession(actor, meta) };
      },
      async session({ session, token }) {
        return { ...session, sid: typeof token.sid === "string" ? token.sid : undefined };
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await endSession(token.sid);
      },
    },
  };
}
