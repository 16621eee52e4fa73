import { describe, expect, it } from "vitest";
import { clientAddress, trustedProxyList } from "./client-address";

const none = trustedProxyList([]);
const proxies = trustedProxyList(["10.0.0.1", "172.16.0.0/12", "fd00::/8"]);

describe("the client's address", () => {
  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress({ peer: "203.0.113.9", forwardedFor: "1.2.3.4", trustedProxies: none })).toBe("203.0.113.9");
    expect(clientAddress({ peer: "::ffff:203.0.113.9", forwardedFor: null, trustedProxies: none })).toBe("203.0.113.9");
  });

  it("is the peer when the peer is not a trusted proxy", () => {
    expect(clientAddress({ peer: "198.51.100.7", forwardedFor: "1.2.3.4, 5.6.7.8", trustedProxies: proxies })).toBe("198.51.100.7");
  });

  it("is the rightmost hop that is not a trusted proxy", () => {
    expect(clientAddress({ peer: "10.0.0.1", forwardedFor: "1.2.3.4, 203.0.113.9", trustedProxies: proxies })).toBe("203.0.113.9");
    expect(clientAddress({ peer: "10.0.0.1", forwardedFor: "9.9.9.9, 203.0.113.9, 172.20.1.1", trustedProxies: proxies })).toBe(
      "203.0.113.9",
    );
    expect(clientAddress({ peer: "fd00::2", forwardedFor: "2001:db8::5", trustedProxies: proxies })).toBe("2001:db8::5");
  });

  it("ignores what a client prepends, so rotating the header changes nothing", () => {
    const seen = new Set(
      ["1.1.1.1", "2.2.2.2", "garbage", ""].map((spoofed) =>
        clientAddress({ peer: "10.0.0.1", forwardedFor: `${spoofed}, 203.0.113.9`, trustedProxies: proxies }),
      ),
    );
    expect([...seen]).toEqual(["203.0.113.9"]);
  });

  it("stops at the last good hop when a hop does not parse", () => {
    expect(clientAddress({ peer: "10.0.0.1", forwardedFor: "not-an-ip", trustedProxies: proxies })).toBe("10.0.0.1");
    expect(clientAddress({ peer: "10.0.0.1", forwardedFor: "1.2.3.4, junk, 172.16.0.5", trustedProxies: proxies })).toBe("172.16.0.5");
  });

  it("is the innermost proxy when every hop is trusted", () => {
    expect(clientAddress({ peer: "10.0.0.1", forwardedFor: "172.16.0.9", trustedProxies: proxies })).toBe("172.16.0.9");
    expect(clientAddress({ peer: "10.0.0.1", forwardedFor: undefined, trustedProxies: proxies })).toBe("10.0.0.1");
  });

  it("is unknown without a usable peer", () => {
    expect(clientAddress({ peer: undefined, forwardedFor: "1.2.3.4", trustedProxies: none })).toBe("unknown");
    expect(clientAddress({ peer: "nonsense", forwardedFor: "1.2.3.4", trustedProxies: proxies })).toBe("unknown");
  });
});
