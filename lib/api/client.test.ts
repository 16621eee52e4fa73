import { describe, expect, it } from "vitest";
import { ApiRequestError, toSearch } from "./client";

describe("ApiRequestError.fieldMessages", () => {
  it("keys each body field by its name, first message wins", () => {
    const error = new ApiRequestError(400, "validation_failed", "The request is invalid.", [
      { path: "body.name", message: "is required" },
      { path: "body.roles", message: "needs at least one role" },
      { path: "body.roles.0", message: "must be a role" },
    ]);
    expect(error.fieldMessages()).toEqual({ name: "is required", roles: "needs at least one role" });
  });

  it("puts errors about the whole body on the form", () => {
    const error = new ApiRequestError(400, "validation_failed", "x", [{ path: "body", message: "needs at least one field to change" }]);
    expect(error.fieldMessages()).toEqual({ form: "needs at least one field to change" });
    expect(new ApiRequestError(400, "validation_failed", "x", [{ path: "(root)", message: "bad" }]).fieldMessages()).toEqual({ form: "bad" });
  });

  it("has no field messages for errors that are not about fields", () => {
    expect(new ApiRequestError(409, "self_lockout", "You cannot disable your own account.").fieldMessages()).toEqual({});
  });
});

describe("toSearch", () => {
  it("keeps only the values that are set, encoded", () => {
    expect(toSearch({ q: "ada lovelace", team: undefined, role: "", status: "ACTIVE" })).toBe("?q=ada+lovelace&status=ACTIVE");
  });

  it("is empty without values", () => {
    expect(toSearch({ q: undefined })).toBe("");
  });
});
