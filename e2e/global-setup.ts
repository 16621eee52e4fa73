import { startOidcProvider } from "./support/oidc-provider";

/** Starts the test identity provider for the single sign-on tests; stops it after the run. */
export default async function globalSetup() {
  const server = await startOidcProvider(`http://localhost:${process.env.E2E_PORT ?? 3100}`);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
