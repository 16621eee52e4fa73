import { describe, expect, it } from "vitest";
import { signOffNotices, type TNoticeSurface } from "./signoff-notices";
import type { TLifecycleSignOff } from "./lifecycle";

const surface: TNoticeSurface = {
  id: "s1",
  name: "Card payments",
  status: "IN_REVIEW",
  version: 3,
  contentHash: "h3",
  netopsOwnerId: "raj",
  secopsOwnerId: "priya",
};
const signed = (userId: string, team: "NETOPS" | "SECOPS", overrides: Partial<TLifecycleSignOff> = {}): TLifecycleSignOff => ({
  userId,
  team,
  version: 3,
  contentHash: "h3",
  withdrawnAt: null,
  voidedAt: null,
  ...overrides,
});

describe("signOffNotices", () => {
  it("tells both owners when a surface is submitted, except the one who submitted it", () => {
    expect(signOffNotices(surface, [], { reason: "submitted", actorId: "someone" }).userIds).toEqual(["raj", "priya"]);
    expect(signOffNotices(surface, [], { reason: "submitted", actorId: "raj" }).userIds).toEqual(["priya"]);
  });

  it("tells only the owner whose team has not signed yet", () => {
    const notice = signOffNotices(surface, [signed("raj", "NETOPS")], { reason: "signed", actorId: "raj", detail: "Raj (NetOps)" });
    expect(notice.userIds).toEqual(["priya"]);
    expect(notice.notification).toMatchObject({ type: "surface.signoff_needed", link: "/surfaces/s1" });
    expect(notice.notification.body).toContain("Raj (NetOps) signed off version 3");
  });

  it("counts only sign-offs of the current content: a voided or stale one still needs signing", () => {
    const stale = signed("raj", "NETOPS", { version: 2, contentHash: "h2" });
    const voided = signed("priya", "SECOPS", { voidedAt: new Date() });
    expect(signOffNotices(surface, [stale, voided], { reason: "reopened", actorId: "editor" }).userIds).toEqual(["raj", "priya"]);
  });

  it("says a reopened surface voided both sign-offs, with the reason", () => {
    const { notification } = signOffNotices(surface, [], { reason: "reopened", actorId: null, detail: "Flow map edited (map version 9)" });
    expect(notification.type).toBe("surface.reopened");
    expect(notification.title).toBe("“Card payments” was reopened for review");
    expect(notification.body).toBe(
      "Flow map edited (map version 9). Both sign-offs were voided: version 3 needs your team's sign-off again.",
    );
  });

  it("tells nobody about a draft or an agreed surface, nor an owner slot left empty", () => {
    expect(signOffNotices({ ...surface, status: "DRAFT" }, [], { reason: "edited", actorId: null }).userIds).toEqual([]);
    expect(signOffNotices({ ...surface, status: "AGREED" }, [], { reason: "signed", actorId: null }).userIds).toEqual([]);
    expect(signOffNotices({ ...surface, secopsOwnerId: null }, [], { reason: "submitted", actorId: null }).userIds).toEqual(["raj"]);
  });

  it("tells one person once when they own the surface for both teams' slots", () => {
    expect(signOffNotices({ ...surface, secopsOwnerId: "raj" }, [], { reason: "submitted", actorId: null }).userIds).toEqual(["raj"]);
  });
});
