import { describe, expect, it } from "vitest";
import { findNulCharacter, INT32_MAX, zBigIntId, zInt32, zQueryInt32 } from "./bounds";

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

describe("NUL characters in input", () => {
  it("are found wherever they hide, with the path", () => {
    expect(findNulCharacter({ a: ["ok", "b\u0000"] }, "body")).toBe("body.a.1");
    expect(findNulCharacter({ ["k\u0000"]: 1 }, "query")).toBe("query.k\u0000");
    expect(findNulCharacter({ a: [1, { b: "fine" }], c: null }, "body")).toBeNull();
  });
});
