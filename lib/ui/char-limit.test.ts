import { describe, expect, it } from "vitest";
import { charLimitStatus } from "./char-limit";

describe("a field's character limit", () => {
  it("shows the count against the limit and stays quiet far from it", () => {
    expect(charLimitStatus(12, 200)).toEqual({ visible: "12 / 200", spoken: "", over: false });
  });

  it("says how many are left near the limit", () => {
    expect(charLimitStatus(190, 200).spoken).toBe("10 characters left");
    expect(charLimitStatus(199, 200).spoken).toBe("1 character left");
    expect(charLimitStatus(1990, 2000).spoken).toBe("10 characters left");
    expect(charLimitStatus(1800, 2000).spoken).toBe("200 characters left");
  });

  it("says by how much a value is over, never cutting it", () => {
    expect(charLimitStatus(300, 200)).toEqual({ visible: "300 / 200", spoken: "100 characters over the limit of 200", over: true });
  });
});
