import { describe, expect, it } from "vitest";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { loadOr404, pageContext, requireUuidParam } from "./page";
import type { TActor } from "./actor";

const ID = "8c0f2d4e-5b6a-4c3d-9e8f-7a6b5c4d3e2f";
/** Next's notFound() throws an error whose digest names the 404 fallback. */
const isNotFound = (error: unknown) => String((error as { digest?: string }).digest).includes("404");

async function failure(run: () => Promise<unknown>): Promise<unknown> {
  return run().then(
    () => null,
    (error: unknown) => error,
  );
}

describe("requireUuidParam", () => {
  it("answers the named segment when it is a record id", async () => {
    expect(await requireUuidParam(Promise.resolve({ id: ID }), "id")).toBe(ID);
  });

  it("shows the not-found page for anything else", async () => {
    expect(isNotFound(await failure(() => requireUuidParam(Promise.resolve({ meetingId: "../admin" }), "meetingId")))).toBe(true);
  });
});

describe("loadOr404", () => {
  it("answers what the service found", async () => {
    expect(await loadOr404(async () => ({ id: ID }))).toEqual({ id: ID });
  });

  it("shows the not-found page when the service finds nothing, either way it says so", async () => {
    expect(isNotFound(await failure(() => loadOr404(async () => Promise.reject(new NotFoundError("The change")))))).toBe(true);
    expect(isNotFound(await failure(() => loadOr404(async () => null)))).toBe(true);
  });

  it("lets every other failure through", async () => {
    const error = await failure(() => loadOr404(async () => Promise.reject(new ValidationError([{ path: "id", message: "bad" }]))));
    expect(error).toBeInstanceOf(ValidationError);
  });
});

describe("pageContext", () => {
  it("runs a page's calls as its actor", () => {
    const actor = { id: ID } as TActor;
    expect(pageContext(actor)).toEqual({ actor, requestId: "page" });
  });
});
