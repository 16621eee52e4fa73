import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, RuleViolationError, ValidationError } from "@/lib/errors";
import { contextFor, createTestUser, uniqueSuffix } from "@/lib/test/factories";
import { ZCreateSurface } from "./schemas";
import {
  createSurface,
  deleteSurface,
  getSurface,
  listSurfaces,
  listVersions,
  signOffSurface,
  submitSurface,
  updateSurface,
  withdrawSignOff,
} from "./service";
import { addComment, addDelegate, createStatement, listComments, recordDecision, resolveComment } from "./collaboration";
import { exportSurfaces, importSurfaces } from "./transfer";
import { reopenSurfaceForReview } from "./reopen";

async function team() {
  const netops = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
  const secops = await createTestUser("SECOPS", ["CONTRIBUTOR"]);
  return { netops, secops };
}

function input(overrides: Record<string, unknown> = {}) {
  return ZCreateSurface.parse({
    name: `Surface ${uniqueSuffix()}`,
    criticality: "HIGH",
    tags: ["Int-Test", "int-test"],
    elements: [
      { type: "DATA", name: "Customer DB", classification: "CONFIDENTIAL" },
      { type: "SERVICE", name: "API", classification: "INTERNAL" },
    ],
    ...overrides,
  });
}

async function submitted() {
  const people = await team();
  const created = await createSurface(
    contextFor(people.netops),
    input({ netopsOwnerId: people.netops.id, secopsOwnerId: people.secops.id }),
  );
  await submitSurface(contextFor(people.netops), created.id);
  return { ...people, surface: created };
}

describe("protect surface lifecycle", () => {
  it("creates a draft at version 1, classification from its elements, audited", async () => {
    const { netops } = await team();
    const surface = await createSurface(contextFor(netops), input());
    expect(surface).toMatchObject({ status: "DRAFT", version: 1, classification: "CONFIDENTIAL", tags: ["int-test"], elementCount: 2 });
    expect(await db.auditEvent.count({ where: { entityId: surface.id, action: "surface.create" } })).toBe(1);
    expect(await db.surfaceVersion.count({ where: { surfaceId: surface.id } })).toBe(1);
  });

  it("refuses viewers and owners outside their team, writing nothing", async () => {
    const viewer = await createTestUser("NETOPS", ["VIEWER"]);
    await expect(createSurface(contextFor(viewer), input())).rejects.toThrow(ForbiddenError);
    const { netops, secops } = await team();
    const refused = input({ netopsOwnerId: secops.id });
    await expect(createSurface(contextFor(netops), refused)).rejects.toThrow(ValidationError);
    expect(await db.protectSurface.count({ where: { name: refused.name } })).toBe(0);
  });

  it("submits only with both owners", async () => {
    const { netops } = await team();
    const surface = await createSurface(contextFor(netops), input({ netopsOwnerId: netops.id }));
    await expect(submitSurface(contextFor(netops), surface.id)).rejects.toThrow(/both a NetOps owner and a SecOps owner/);
  });

  it("agrees with one NetOps and one SecOps sign-off, and records who signed the version", async () => {
    const { netops, secops, surface } = await submitted();
    const afterSecops = await signOffSurface(contextFor(secops), surface.id, 1);
    expect(afterSecops).toMatchObject({ status: "IN_REVIEW", waitingOn: ["NETOPS"] });
    const agreed = await signOffSurface(contextFor(netops), surface.id);
    expect(agreed.status).toBe("AGREED");
    const [version] = await listVersions(contextFor(netops), surface.id);
    expect(version!.agreedAt).not.toBeNull();
    expect(version!.signOffs.map((s) => s.user.id).sort()).toEqual([netops.id, secops.id].sort());
  });

  it("refuses a second sign-off by the same person and a sign-off by a non-owner", async () => {
    const { netops, surface } = await submitted();
    await signOffSurface(contextFor(netops), surface.id);
    await expect(signOffSurface(contextFor(netops), surface.id)).rejects.toThrow(RuleViolationError);
    const stranger = await createTestUser("SECOPS", ["CONTRIBUTOR"]);
    await expect(signOffSurface(contextFor(stranger), surface.id)).rejects.toThrow(/Only the SecOps owner/);
  });

  it("a delegate signs in the owner's place", async () => {
    const { netops, secops, surface } = await submitted();
    const delegate = await createTestUser("SECOPS", ["CONTRIBUTOR"]);
    await expect(addDelegate(contextFor(netops), surface.id, delegate.id)).rejects.toThrow(RuleViolationError);
    await addDelegate(contextFor(secops), surface.id, delegate.id);
    await signOffSurface(contextFor(delegate), surface.id);
    expect((await signOffSurface(contextFor(netops), surface.id)).status).toBe("AGREED");
  });

  it("withdraws one's own sign-off before agreement", async () => {
    const { secops, surface } = await submitted();
    await signOffSurface(contextFor(secops), surface.id);
    const after = await withdrawSignOff(contextFor(secops), surface.id);
    expect(after.waitingOn).toEqual(["NETOPS", "SECOPS"]);
  });

  it("an edit voids sign-offs; editing AGREED opens version 2 in review; a stale version gets 409 with the current state", async () => {
    const { netops, secops, surface } = await submitted();
    await signOffSurface(contextFor(secops), surface.id);
    await signOffSurface(contextFor(netops), surface.id);
    const current = await getSurface(contextFor(netops), surface.id);
    const edit = {
      ...input(),
      name: current.name,
      netopsOwnerId: netops.id,
      secopsOwnerId: secops.id,
      elements: current.elements,
      criticality: "CRITICAL" as const,
      version: 1,
    };
    const reopened = await updateSurface(contextFor(netops), surface.id, edit);
    expect(reopened).toMatchObject({ status: "IN_REVIEW", version: 2, criticality: "CRITICAL", waitingOn: ["NETOPS", "SECOPS"] });
    expect(reopened.elements.map((e) => e.id)).toEqual(current.elements.map((e) => e.id));
    const stale = updateSurface(contextFor(secops), surface.id, { ...edit, notes: "late" });
    await expect(stale).rejects.toThrow(ConflictError);
    await stale.catch((error: ConflictError) => expect((error.details as { current: { version: number } }).current.version).toBe(2));
    const versions = await listVersions(contextFor(netops), surface.id);
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    expect(await db.surfaceSignOff.count({ where: { surfaceId: surface.id, voidedAt: null } })).toBe(0);
  });

  it("an edit that changes nothing keeps the version", async () => {
    const { netops, surface } = await submitted();
    const current = await getSurface(contextFor(netops), surface.id);
    const same = await updateSurface(contextFor(netops), surface.id, {
      ...input(),
      name: current.name,
      netopsOwnerId: current.netopsOwner!.id,
      secopsOwnerId: current.secopsOwner!.id,
      elements: current.elements,
      version: 1,
    });
    expect(same.version).toBe(1);
  });

  it("reopen helper sends an agreed surface back to review as a new version", async () => {
    const { netops, secops, surface } = await submitted();
    await signOffSurface(contextFor(secops), surface.id);
    await signOffSurface(contextFor(netops), surface.id);
    expect(await db.$transaction((tx) => reopenSurfaceForReview(tx, contextFor(netops), surface.id, "map edited"))).toBe(true);
    expect(await getSurface(contextFor(netops), surface.id)).toMatchObject({ status: "IN_REVIEW", version: 2 });
  });

  it("lists with filters and 'waiting on my team'", async () => {
    const { secops, surface } = await submitted();
    const tag = `tag-${uniqueSuffix()}`;
    const other = await createSurface(contextFor(secops), input({ tags: [tag] }));
    const waiting = await listSurfaces(contextFor(secops), {
      waiting: "true",
      sort: "updatedAt",
      order: "desc",
      page: 1,
      pageSize: 100,
      secopsOwnerId: secops.id,
    });
    expect(waiting.surfaces.map((s) => s.id)).toEqual([surface.id]);
    await signOffSurface(contextFor(secops), surface.id);
    expect(
      (
        await listSurfaces(contextFor(secops), {
          waiting: "true",
          sort: "name",
          order: "asc",
          page: 1,
          pageSize: 100,
          secopsOwnerId: secops.id,
        })
      ).total,
    ).toBe(0);
    const tagged = await listSurfaces(contextFor(secops), { tag, sort: "name", order: "asc", page: 1, pageSize: 10 });
    expect(tagged).toMatchObject({ total: 1, surfaces: [{ id: other.id }] });
  });

  it("refuses delete to non-admins and while changes refer to the surface", async () => {
    const { netops, surface } = await submitted();
    const admin = await createTestUser("LEADERSHIP", ["ADMIN"]);
    await expect(deleteSurface(contextFor(netops), surface.id)).rejects.toThrow(ForbiddenError);
    const change = await db.change.create({
      data: { title: "c", requesterId: netops.id, contentHash: "x", surfaces: { create: { surfaceId: surface.id } } },
    });
    await expect(deleteSurface(contextFor(admin), surface.id)).rejects.toThrow(/changes refer to it/);
    await db.changeSurface.deleteMany({ where: { changeId: change.id } });
    expect(await deleteSurface(contextFor(admin), surface.id)).toEqual({ deleted: true });
    expect(await db.auditEvent.count({ where: { entityId: surface.id, action: "surface.delete" } })).toBe(1);
  });
});

describe("workshop collaboration", () => {
  it("comments on elements with mentions, resolves them, records decisions and statements", async () => {
    const { netops, secops, surface } = await submitted();
    const handle = secops.email.split("@")[0]!;
    const element = surface.elements[0]!;
    const { id } = await addComment(contextFor(netops), surface.id, { body: `@${handle} is this restricted?`, elementId: element.id });
    await resolveComment(contextFor(secops), surface.id, id, { resolved: true });
    const [comment] = await listComments(contextFor(netops), surface.id);
    expect(comment).toMatchObject({ elementId: element.id, mentions: [{ id: secops.id }], resolvedBy: { id: secops.id } });
    await recordDecision(contextFor(secops), surface.id, "Keep the API internal");
    const statement = await createStatement(contextFor(netops), surface.id, {
      who: "a",
      what: "b",
      when: "c",
      where: "d",
      why: "e",
      how: "f",
    });
    expect(statement.version).toBe(1);
    await expect(addComment(contextFor(netops), surface.id, { body: "x", elementId: crypto.randomUUID() })).rejects.toThrow(
      ValidationError,
    );
  });
});

describe("import and export", () => {
  it("round-trips through JSON and reports every bad record and field, importing nothing", async () => {
    const { netops, secops } = await team();
    const tag = `export-${uniqueSuffix()}`;
    await createSurface(contextFor(netops), input({ tags: [tag], netopsOwnerId: netops.id, secopsOwnerId: secops.id }));
    const exported = await exportSurfaces(contextFor(netops), { tag, format: "json", sort: "name", order: "asc" });
    expect(Array.isArray(exported) && exported[0]).toMatchObject({ netopsOwnerEmail: netops.email, secopsOwnerEmail: secops.email });
    const csv = await exportSurfaces(contextFor(netops), { tag, format: "csv", sort: "name", order: "asc" });
    expect(csv).toContain(netops.email);

    const records = (exported as Array<Record<string, unknown>>).map((record) => ({ ...record, name: `${record.name as string} copy` }));
    const bad = [records[0], { name: "", criticality: "EXTREME" }, { ...records[0], name: "other", netopsOwnerEmail: secops.email }];
    const error = await importSurfaces(contextFor(netops), bad).catch((e: ValidationError) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields.map((f) => f.path).sort()).toEqual([
      "surfaces.1.criticality",
      "surfaces.1.name",
      "surfaces.2.netopsOwnerEmail",
    ]);
    expect(await db.protectSurface.count({ where: { name: { in: [records[0]!.name as string, "other"] }, createdById: netops.id } })).toBe(
      0,
    );

    const { imported } = await importSurfaces(contextFor(netops), records);
    expect(imported).toBe(1);
  });
});
