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
    expect(formErrorsOf(error, "path")).toEqual({
      "operations.0.flow.ports": "Flow operation 1, Ports must be a port list",
      "operations.1.flow.ports": "Flow operation 2, Ports is required",
      title: "Title is too short",
    });
    expect(formErrorsOf(error)).toEqual({ operations: "Flow operation 1, Ports must be a port list", title: "Title is too short" });
  });

  it("has no field messages for errors that are not about fields", () => {
    expect(new ApiRequestError(409, "self_lockout", "You cannot disable your own account.").fieldMessages()).toEqual({});
  });
});

describe("formErrorsOf", () => {
  it("names each field as its form labels it, never by its API name, and never says a bare 'is required'", () => {
    const error = new ApiRequestError(400, "validation_failed", "The request is invalid.", [
      { path: "body.surfaceIds", message: "pick at least one protect surface" },
      { path: "body.name", message: "Invalid input: expected string, received undefined" },
      { path: "body.scheduledAt", message: "is in the past" },
      { path: "body.emergencyReason", message: "is required" },
    ]);
    expect(formErrorsOf(error)).toEqual({
      surfaceIds: "Protect surfaces: pick at least one protect surface",
      name: "Name is required",
      scheduledAt: "Date and time is in the past",
      emergencyReason: "Emergency reason is required",
    });
  });

  it("puts a name already taken (a 409 naming the field) under that field", () => {
    const error = new ApiRequestError(409, "name_taken", 'A CAB meeting is already called "Weekly".', [
      { path: "title", message: 'A CAB meeting is already called "Weekly": give this one another title.' },
    ]);
    expect(formErrorsOf(error)).toEqual({ title: 'Title: A CAB meeting is already called "Weekly": give this one another title.' });
  });

  it("keeps a message about the whole request on the form, and the server's message when no field is named", () => {
    expect(formErrorsOf(new ApiRequestError(400, "x", "Bad.", [{ path: "body", message: "needs a field" }]))).toEqual({
      form: "needs a field",
    });
    expect(formErrorsOf(new ApiRequestError(409, "conflict", "Edited by someone else."))).toEqual({ form: "Edited by someone else." });
    expect(formErrorsOf(new TypeError("fetch failed")).form).toMatch(/could not be reached/);
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
    expect(describeError(error)).toBe("The request is invalid. Title is required");
    expect(describeError(new Error("offline"))).toBe("offline");
    expect(describeError("odd")).toBe("odd");
  });
});
