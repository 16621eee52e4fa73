import { describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/errors";
import { ALL_PERMISSIONS, PERMISSIONS, assertCan, can } from "./permissions";

describe("authorization table", () => {
  it("lets every role read", () => {
    for (const role of ["VIEWER", "CONTRIBUTOR", "CAB_MEMBER", "EXECUTIVE", "ADMIN"] as const) {
      expect(can({ roles: [role] }, "surface.read")).toBe(true);
      expect(can({ roles: [role] }, "dashboard.read")).toBe(true);
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
    expect(can({ roles: ["ADMIN"] }, "admin.users")).toBe(true);
    expect(can({ roles: ["CONTRIBUTOR", "CAB_MEMBER"] }, "admin.users")).toBe(false);
  });

  it("combines roles", () => {
    expect(can({ roles: ["VIEWER", "CAB_MEMBER"] }, "change.approve")).toBe(true);
  });

  it("refuses nobody-signed-in", () => {
    expect(can(null, "surface.read")).toBe(false);
    expect(() => assertCan(undefined, "surface.read")).toThrow(ForbiddenError);
  });

  it("names a role for every permission", () => {
    for (const permission of ALL_PERMISSIONS) expect(PERMISSIONS[permission].length).toBeGreaterThan(0);
  });
});
