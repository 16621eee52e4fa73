import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { countPorts, normalizePorts, parsePorts } from "./ports";
import { isAddress } from "./addresses";

describe("port expressions", () => {
  it.each([
    ["443", [{ from: 443, to: 443 }]],
    [
      "80,443",
      [
        { from: 80, to: 80 },
        { from: 443, to: 443 },
      ],
    ],
    ["8000-8100", [{ from: 8000, to: 8100 }]],
    [
      " 1 , 65535 ",
      [
        { from: 1, to: 1 },
        { from: 65535, to: 65535 },
      ],
    ],
    [
      "22,8000 - 8100",
      [
        { from: 22, to: 22 },
        { from: 8000, to: 8100 },
      ],
    ],
  ])("accepts %s", (expression, ranges) => {
    expect(parsePorts(expression)).toEqual({ ok: true, ranges });
  });

  it.each([
    ["", "needs at least one port"],
    ["0", "1 to 65535"],
    ["65536", "1 to 65535"],
    ["80,,443", "empty item"],
    ["443,", "empty item"],
    ["8100-8000", "lower port to the higher"],
    ["1-2-3", "not a port or a range"],
    ["http", "1 to 65535"],
    ["-5", "1 to 65535"],
    ["44.3", "1 to 65535"],
    ["123456", "1 to 65535"],
  ])("refuses %j", (expression, message) => {
    const parsed = parsePorts(expression);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(message);
  });

  it("normalizes order, duplicates and overlaps", () => {
    expect(normalizePorts("443, 80,80")).toBe("80,443");
    expect(normalizePorts("8000-8100,8050-8200,8201")).toBe("8000-8201");
    expect(normalizePorts("22-22")).toBe("22");
    expect(normalizePorts("bad")).toBe("bad");
  });

  it("counts opened ports", () => {
    expect(countPorts("80,443,8000-8009")).toBe(12);
    expect(countPorts("80,80")).toBe(1);
    expect(countPorts("nonsense")).toBe(0);
  });

  it("every single valid port parses and every out-of-range one does not", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 65535 }), (port) => parsePorts(String(port)).ok));
    fc.assert(fc.property(fc.integer({ min: 65536, max: 10_000_000 }), (port) => !parsePorts(String(port)).ok));
  });

  it("normalizing is idempotent and keeps the count", () => {
    const range = fc
      .tuple(fc.integer({ min: 1, max: 65535 }), fc.integer({ min: 0, max: 50 }))
      .map(([from, width]) => (width === 0 ? String(from) : `${from}-${Math.min(65535, from + width)}`));
    fc.assert(
      fc.property(fc.array(range, { minLength: 1, maxLength: 6 }), (items) => {
        const once = normalizePorts(items.join(","));
        return normalizePorts(once) === once && countPorts(once) === countPorts(items.join(","));
      }),
    );
  });
});

describe("addresses", () => {
  it.each(["10.0.0.0/8", "192.168.1.10", "0.0.0.0/0", "fd00::/8", "2001:db8::1", "db.payments.internal", "*.example.com", "localhost"])(
    "accepts %s",
    (value) => {
      expect(isAddress(value)).toBe(true);
    },
  );
  it.each(["10.0.0.0/33", "256.1.1.1", "1.2.3", "fd00::/129", "exa mple.com", "-bad.example", "", "10.0.0.0/8/1", "a..b"])(
    "refuses %j",
    (value) => {
      expect(isAddress(value)).toBe(false);
    },
  );
});
