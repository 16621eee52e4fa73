import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resolveSession, startSession } from "@/lib/auth/sessions";
import { ConflictError, ForbiddenError, RuleViolationError } from "@/lib/errors";
import { contextFor, createTestUser, uniqueSuffix } from "@/lib/test/factories";
import { createUser, endUserSessions, listUsers, setUserStatus, updateUser } from "./service";

describe("user administration", () => {
  it("creates an invited user with a one-time password, audited", async () => {
    const admin = await createTestUser("LEADERSHIP", ["ADMIN"]);
    const email = `invite-${uniqueSuffix()}@test.example`;
    const { user, temporaryPassword } = await createUser(contextFor(admin), {
      email,
      name: "Invited",
      team: "SECOPS",
      roles: ["CONTRIBUTOR"],
    });
    expect(temporaryPassword).toMatch(/^[\w-]{12,}$/);
    expect(user).toMatchObject({ email, team: "SECOPS", roles: ["CONTRIBUTOR"], status: "ACTIVE", hasPassword: true });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: "user.create" } });
    expect(audit.actorId).toBe(admin.id);
    expect(JSON.stringify(audit.after)).not.toMatch(/passwordHash|argon2/);
  });

  it("refuses a duplicate email with a conflict and writes nothing", async () => {
    const admin = await createTestUser("LEADERSHIP", ["ADMIN"]);
    const existing = await createTestUser("NETOPS", ["VIEWER"]);
    await expect(createUser(contextFor(admin), { email: existing.email, name: "Dup", team: "NETOPS", roles: ["VIEWER"] })).rejects.toThrow(
      ConflictError,
    );
    // Counted by this admin and this email, not globally: other test files share the database.
    expect(await db.user.findMany({ where: { email: existing.email }, select: { id: true, name: true } })).toEqual([
      { id: existing.id, name: existing.name },
    ]);
    expect(await db.auditEvent.count({ where: { actorId: admin.id } })).toBe(0);
  });

  it("refuses everyone but admins", async () => {
    for (const role of ["VIEWER", "CONTRIBUTOR", "CAB_MEMBER", "EXECUTIVE"] as const) {
      const person = await createTestUser("NETOPS", [role]);
      const email = `refused-${person.id}@test.example`;
      await expect(listUsers(contextFor(person), {})).rejects.toThrow(ForbiddenError);
      await expect(createUser(contextFor(person), { email, name: "Refused", team: "NETOPS", roles: ["VIEWER"] })).rejects.toThrow(
        ForbiddenError,
      );
      expect(await db.user.count({ where: { email } })).toBe(0);
    }
    const admin = await createTestUser("LEADERSHIP", ["ADMIN"]);
    expect((await listUsers(contextFor(admin), {})).length).toBeGreaterThan(0);
  });

  it("disabling a user ends their sessions at once", async () => {
    const admin = await createTestUser("LEADERSHIP", ["ADMIN"]);
    const user = await createTestUser("SECOPS", ["CONTRIBUTOR"]);
    const sessionId = await startSession(user, { method: "password" });
    expect((await resolveSession(sessionId))?.actor.id).toBe(user.id);
    await setUserStatus(contextFor(admin), user.id, "DISABLED");
    expect(await resolveSession(sessionId)).toBeNull();
    await setUserStatus(contextFor(admin), user.id, "ACTIVE");
    expect(await resolveSession(sessionId)).toBeNull();
  });

  it("a role change applies to the very next request of an open session", async () => {
    const admin = await createTestUser("LEADERSHIP", ["ADMIN"]);
    const user = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    const sessionId = await startSession(user, { method: "password" });
    await updateUser(contextFor(admin), user.id, { roles: ["VIEWER"] });
    expect((await resolveSession(sessionId))?.actor.roles).toEqual(["VIEWER"]);
  });

  it("ends every session of a user", async () => {
    const admin = await createTestUser("LEADERSHIP", ["ADMIN"]);
    const user = await createTestUser("NETOPS", ["VIEWER"]);
    const first = await startSession(user, { method: "password" });
    const second = await startSession(user, { method: "password" });
    expect(await endUserSessions(contextFor(admin), user.id)).toEqual({ ended: 2 });
    expect(await resolveSession(first)).toBeNull();
    expect(await resolveSession(second)).toBeNull();
  });

  it("keeps an admin from locking themselves out", async () => {
    const admin = await createTestUser("LEADERSHIP", ["ADMIN"]);
    await expect(setUserStatus(contextFor(admin), admin.id, "DISABLED")).rejects.toThrow(RuleViolationError);
    await expect(updateUser(contextFor(admin), admin.id, { roles: ["VIEWER"] })).rejects.toThrow(RuleViolationError);
  });
});
