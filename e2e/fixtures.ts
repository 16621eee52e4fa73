import { test as base, type BrowserContext, type BrowserContextOptions, type Page } from "@playwright/test";
import { unexpectedErrors, watchConsole, type TExpectedAnswer } from "./helpers";
import {
  createPerson,
  createSurfaceWithMap,
  sessionCookieFor,
  type TPerson,
  type TPersonSpec,
  type TSurfaceSpec,
  type TSurfaceWithMap,
} from "./support/records";

export { expect } from "@playwright/test";
export { AS, FIXTURE_PASSWORD, RECORDS_MAP, type TPerson, type TSurfaceWithMap } from "./support/records";

/** A person signed in in a browser context of their own, with their page's console watched. */
export type TSignedIn = {
  person: TPerson;
  context: BrowserContext;
  page: Page;
  sessionId: string;
  errors: (expected?: TExpectedAnswer[]) => string[];
  close: () => Promise<void>;
};

export type TFixtures = {
  /** A fresh person (no session): for owners, assessors and anyone a test names before they sign in. */
  person: (spec: TPersonSpec) => Promise<TPerson>;
  /**
   * Signs a person in without the sign-in form: a fresh person for a spec, or the same person again
   * (a second browser). The session is opened as a password sign-in would open it.
   */
  signedInAs: (who: TPersonSpec | TPerson, options?: BrowserContextOptions) => Promise<TSignedIn>;
  /** A fresh surface with owners from both teams and a drawn map (see RECORDS_MAP), per test. */
  surfaceWithMap: (spec?: TSurfaceSpec) => Promise<TSurfaceWithMap>;
};

const isPerson = (who: TPersonSpec | TPerson): who is TPerson => "id" in who;

export const test = base.extend<TFixtures>({
  person: async ({}, provide) => {
    await provide(createPerson);
  },
  signedInAs: async ({ browser, baseURL, userAgent }, provide) => {
    const opened: BrowserContext[] = [];
    await provide(async (who, options = {}) => {
      const person = isPerson(who) ? who : await createPerson(who);
      // The session records the browser it was opened for, as a sign-in would.
      const contextOptions = { userAgent, ...options };
      const cookie = await sessionCookieFor(person, contextOptions.userAgent);
      const context = await browser.newContext(contextOptions);
      opened.push(context);
      await context.addCookies([{ name: cookie.name, value: cookie.value, url: baseURL!, httpOnly: true, sameSite: "Lax" }]);
      const page = await context.newPage();
      const errors = watchConsole(page);
      return {
        person,
        context,
        page,
        sessionId: cookie.sessionId,
        errors: (expected: TExpectedAnswer[] = []) => unexpectedErrors(errors, expected),
        close: () => context.close(),
      };
    });
    // Contexts a test left open (after a failed expectation, say) close with it.
    await Promise.all(opened.map((context) => context.close()));
  },
  surfaceWithMap: async ({}, provide) => {
    await provide(createSurfaceWithMap);
  },
});
