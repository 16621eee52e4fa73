import { describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/errors";
import type { TActor } from "./actor";
import { assertCan } from "./permissions";

const person = (roles: TActor["roles"]): TActor => ({ id: "u1", email: "u1@test.example", name: "U1", team: "NETOPS", roles });

describe("assertCan", () => {
  it("lets a permitted role through and refuses the others, naming what was refused", () => {
    expect(() => assertCan(person(["CAB_MEMBER"]), "change.approve")).not.toThrow();
    expect(() => assertCan(person(["CONTRIBUTOR", "VIEWER"]), "change.approve")).toThrow(ForbiddenError);
    expect(() => assertCan(person(["VIEWER"]), "change.approve")).toThrow("Your roles do not allow approve on change.");
  });
});
