import { describe, expect, it } from "vitest";
import { ApiRequestError, describeError, formErrorsOf, toSearch } from "./client";

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
    expect(new ApiRequestError(400, "validation_failed", "x", [{ path: "(root)", message: "bad" }]).fieldMessages()).toEqual({
      form: "bad",
    });
  });

  it("keeps the whole path for forms that show an error on each item of a list", () => {
    const error = new ApiRequestError(400, "validation_failed", "x", [
      { path: "body.operations.0.flow.ports", message: "must be a port list" },
      { path: "body.operations.1.flow.ports", message: "is required" },
      { path: "body.title", message: "is too short" },
    ]);
    expect(error.fieldMessages("body", "path")).toEqual({
      "operations.0.flow.ports": "must be a port list",
      "operations.1.flow.ports": "is required",
      title: "is too short",
    });
    expect(formErrorsOf(error, "path")).toEqual(error.fieldMessages("body", "path"));
    expect(formErrorsOf(error)).toEqual({ operations: "must be a port list", title: "is too short" });
  });

  it("has no field messages for errors that are not about fields", () => {
    expect(new ApiRequestError(409, "self_lockout", "You cannot disable your own account.").fieldMessages()).toEqual({});
  });
});

describe("toSearch", () => {
  it("keeps only the values that are set, encoded", () => {
    expect(toSearch({ q: "ada lovelace", team: undefined, role: "", status: "ACTIVE" })).toBe("?q=ada+lovelace&status=ACTIVE");
  });

  it("writes numbers, and keeps zero", () => {
    expect(toSearch({ page: 2, limit: 0, q: undefined })).toBe("?page=2&limit=0");
  });

  it("is empty without values", () => {
    expect(toSearch({ q: undefined })).toBe("");
  });
});

describe("describeError", () => {
  it("names the invalid fields of an API error, and says a plain failure as it is", () => {
    const error = new ApiRequestError(400, "validation_failed", "The request is invalid.", [
      { path: "body.title", message: "is required" },
    ]);
    expect(describeError(error)).toBe("The request is invalid. title: is required");
    expect(describeError(new Error("offline"))).toBe("offline");
    expect(describeError("odd")).toBe("odd");
  });
});
