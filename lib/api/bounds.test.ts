import { describe, expect, it } from "vitest";
import { findNulCharacter, INT32_MAX, zBigIntId, zInt32, zIsoDateTime, zIsoDateTimeOrDate, zQueryInt32 } from "./bounds";

describe("numeric bounds of the columns", () => {
  it("keeps integers within a Postgres integer", () => {
    expect(zInt32().safeParse(INT32_MAX).success).toBe(true);
    expect(zInt32().safeParse(INT32_MAX + 1).success).toBe(false);
    expect(zQueryInt32().safeParse("2147483648").success).toBe(false);
    expect(zQueryInt32().safeParse("2147483647").data).toBe(INT32_MAX);
  });

  it("keeps bigint ids within a Postgres bigint, and refuses what is not a number without throwing", () => {
    expect(zBigIntId().safeParse("9223372036854775807").success).toBe(true);
    for (const value of ["9223372036854775808", "12345678901234567890", ":", "", "-1", "1.5", "1e3"]) {
      expect(zBigIntId().safeParse(value).success, value).toBe(false);
    }
  });
});

describe("instants a request may name", () => {
  it("refuses years Postgres cannot store, or that no record of Concord's could have", () => {
    for (const value of ["0000-01-01T00:00:00Z", "1899-12-31T23:59:59Z", "1900-01-01T00:30:00+01:00", "+010000-01-01T00:00:00Z"]) {
      expect(zIsoDateTime().safeParse(value).success, value).toBe(false);
    }
    expect(zIsoDateTimeOrDate().safeParse("0000-01-01").success).toBe(false);
  });

  it("takes the edges of the range, with any offset", () => {
    expect(zIsoDateTime().safeParse("1900-01-01T00:00:00Z").success).toBe(true);
    expect(zIsoDateTime().safeParse("9999-12-31T23:59:59.999Z").success).toBe(true);
    expect(zIsoDateTime().safeParse("2026-12-07T10:00:00-05:00").success).toBe(true);
    expect(zIsoDateTimeOrDate().safeParse("2026-12-07").success).toBe(true);
  });

  it("names the range in its message", () => {
    const result = zIsoDateTime().safeParse("0000-01-01T00:00:00Z");
    expect(result.error?.issues[0]?.message).toBe("must be between the years 1900 and 9999");
  });
});

describe("NUL characters in input", () => {
  it("are found wherever they hide, with the path", () => {
    expect(findNulCharacter({ a: ["ok", "b\u0000"] }, "body")).toBe("body.a.1");
    expect(findNulCharacter({ ["k\u0000"]: 1 }, "query")).toBe("query.k\u0000");
    expect(findNulCharacter({ a: [1, { b: "fine" }], c: null }, "body")).toBeNull();
  });
});
