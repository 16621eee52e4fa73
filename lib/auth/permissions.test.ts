import { describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/errors";
import { ALL_PERMISSIONS, assertCan, can } from "./permissions";

const ROLES = ["VIEWER", "CONTRIBUTOR", "CAB_MEMBER", "EXECUTIVE", "ADMIN"] as const;

describe("authorization table", () => {
  it("lets every role read surfaces, maps, changes, rules and the dashboard; the CAB's pages only its members, executives and admins", () => {
    for (const role of ROLES) {
      for (const permission of ["surface.read", "map.read", "change.read", "rule.read", "dashboard.read"] as const)
        expect(can({ roles: [role] }, permission), `${role} ${permission}`).toBe(true);
      expect(can({ roles: [role] }, "cab.read"), role).toBe(role !== "VIEWER" && role !== "CONTRIBUTOR");
    }
  });

  it("keeps viewers and executives read-only", () => {
    const writes = ALL_PERMISSIONS.filter((permission) => !permission.endsWith(".read"));
    for (const permission of writes) {
      expect(can({ roles: ["VIEWER"] }, permission)).toBe(false);
      expect(can({ roles: ["EXECUTIVE"] }, permission)).toBe(false);
    }
  });

  it("gives the admin area to admins only", () => {
    const adminArea = ALL_PERMISSIONS.filter((permission) => permission.startsWith("admin."));
    expect(adminArea.length).toBeGreaterThan(0);
    for (const permission of adminArea) {
      expect(can({ roles: ["ADMIN"] }, permission), permission).toBe(true);
      expect(can({ roles: ROLES.filter((role) => role !== "ADMIN") }, permission), permission).toBe(false);
    }
  });

  it("combines roles", () => {
    expect(can({ roles: ["VIEWER", "CAB_MEMBER"] }, "change.approve")).toBe(true);
  });

  it("refuses nobody-signed-in", () => {
    expect(can(null, "surface.read")).toBe(false);
    expect(() => assertCan(undefined, "surface.read")).toThrow(ForbiddenError);
  });

  it("an admin alone makes no team decision: sign-offs, votes, rule approvals and maturity scores need a team role", () => {
    for (const permission of ["surface.signoff", "change.approve", "rule.approve", "maturity.assess"] as const) {
      expect(can({ roles: ["ADMIN"] }, permission), permission).toBe(false);
    }
  });
});
