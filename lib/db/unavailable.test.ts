import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./unavailable";

const adapterError = (cause: Record<string, unknown>) =>
  Object.assign(new Error("query failed"), { code: "P2010", meta: { driverAdapterError: { name: "DriverAdapterError", cause } } });

describe("isDatabaseUnavailable", () => {
  it("recognizes an unreachable, closed, slow or overloaded database", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("Can't reach database server"), { code: "P1001" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("Unable to start a transaction in the given time."), { code: "P2028" }))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(adapterError({ kind: "DatabaseNotReachable", host: "db", port: 5432 }))).toBe(true);
    expect(isDatabaseUnavailable(adapterError({ kind: "ConnectionClosed" }))).toBe(true);
    expect(
      isDatabaseUnavailable(adapterError({ kind: "postgres", code: "57014", message: "canceling statement due to statement timeout" })),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(
        adapterError({ kind: "postgres", code: "57P01", message: "terminating connection due to administrator command" }),
      ),
    ).toBe(true);
    expect(isDatabaseUnavailable(adapterError({ kind: "postgres", code: "08006", message: "connection failure" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated due to connection timeout"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Query read timeout"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("outer", { cause: new Error("Connection terminated unexpectedly") }))).toBe(true);
  });

  it("leaves query and data errors alone", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }))).toBe(false);
    expect(isDatabaseUnavailable(adapterError({ kind: "UniqueConstraintViolation" }))).toBe(false);
    expect(isDatabaseUnavailable(adapterError({ kind: "postgres", code: "42601", message: "syntax error" }))).toBe(false);
    expect(isDatabaseUnavailable(new Error("Something else"))).toBe(false);
    expect(isDatabaseUnavailable("P1001")).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
