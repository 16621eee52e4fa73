import type { Server } from "node:http";
import Provider from "oidc-provider";

export const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? 3199);
export const OIDC_ISSUER = `http://localhost:${OIDC_PORT}`;
export const OIDC_CLIENT = { id: "concord-e2e", secret: "concord-e2e-client-secret-not-for-production" };

/** Identities the test identity provider knows; the login name is the account id. */
const ACCOUNTS: Record<string, Record<string, unknown>> = {
  "olga.sso": { email: "olga.sso@sso.example", name: "Olga Sso", concord_team: "NETOPS", concord_roles: ["CONTRIBUTOR", "CAB_MEMBER"] },
  "no.team": { email: "no.team@sso.example", name: "No Team", concord_roles: ["VIEWER"] },
};

/** A real OpenID Connect provider (node-oidc-provider) on localhost, for the sign-on journey. */
export async function startOidcProvider(appBaseUrl: string): Promise<Server> {
  const provider = new Provider(OIDC_ISSUER, {
    clients: [
      {
        client_id: OIDC_CLIENT.id,
        client_secret: OIDC_CLIENT.secret,
        redirect_uris: [`${appBaseUrl}/api/auth/callback/oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email"], profile: ["name", "concord_team", "concord_roles"] },
    conformIdTokenClaims: false,
    cookies: { keys: ["concord-e2e-cookie-key"] },
    async findAccount(_ctx, id) {
      const claims = ACCOUNTS[id];
      if (!claims) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...claims }) };
    },
  });
  return new Promise((resolve) => {
    const server = provider.listen(OIDC_PORT, () => resolve(server));
  });
}
