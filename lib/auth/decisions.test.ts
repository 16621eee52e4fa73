import { describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/errors";
import type { TActorContext } from "./actor";
import { assertPersonDeciding, isPersonDeciding } from "./decisions";

const context = (auth: TActorContext["auth"]): TActorContext => ({ actor: null, requestId: "r1", auth });

describe("joint decisions are made by a person signed in", () => {
  it("refuses a decision made with an API token, naming the decision", () => {
    const decide = () => assertPersonDeciding(context({ method: "token", tokenId: "tok-1" }), "sign off a surface");
    expect(decide).toThrow(ForbiddenError);
    expect(decide).toThrow("An API token cannot sign off a surface: joint decisions are made by a person signed in to Concord.");
    expect(isPersonDeciding(context({ method: "token", tokenId: "tok-1" }))).toBe(false);
  });

  it("lets a session decide, and work with no recorded authentication (seed, jobs)", () => {
    expect(() => assertPersonDeciding(context({ method: "session", sessionId: "s-1" }), "vote")).not.toThrow();
    expect(() => assertPersonDeciding(context(undefined), "vote")).not.toThrow();
    expect(isPersonDeciding(context({ method: "session", sessionId: "s-1" }))).toBe(true);
    expect(isPersonDeciding(context(undefined))).toBe(true);
  });
});
