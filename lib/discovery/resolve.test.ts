import { describe, expect, it } from "vitest";
import { endpointDetails, endpointKey } from "./endpoints";
import { endpointResolver, unmappedGroup, type TResolvableNode } from "./resolve";

const node = (id: string, addresses: string[], labels: Record<string, string> = {}, kind = "WORKLOAD"): TResolvableNode => ({
  id,
  kind,
  addresses,
  labels,
});

describe("endpoint keys", () => {
  it("keys Kubernetes endpoints by namespace and stable labels, dropping per-rollout labels", () => {
    const a = endpointKey({ namespace: "shop", labels: { app: "web", "pod-template-hash": "abc" }, pod: "web-abc-1", address: "10.1.0.4" });
    const b = endpointKey({ namespace: "shop", labels: { "pod-template-hash": "def", app: "web" }, pod: "web-def-2", address: "10.1.0.9" });
    expect(a).toBe("k8s:shop/app=web");
    expect(b).toBe(a);
  });

  it("keys other endpoints by address, then by lower-cased name", () => {
    expect(endpointKey({ address: "2001:db8::1", hostname: "db" })).toBe("ip:2001:db8::1");
    expect(endpointKey({ hostname: "DB.Example.com" })).toBe("dns:db.example.com");
    expect(endpointKey({})).toBe("unknown");
  });
});

describe("endpoint resolution", () => {
  const resolver = endpointResolver([
    node("zone", ["10.0.0.0/8"], {}, "ZONE"),
    node("subnet", ["10.1.0.0/16"]),
    node("host", ["10.1.2.3"]),
    node("v6", ["2001:db8::/32"]),
    node("api", ["api.example.com"]),
    node("wild", ["*.example.com"]),
    node("shop-any", [], { namespace: "shop" }),
    node("shop-web", [], { namespace: "shop", app: "web" }),
  ]);
  const resolve = (endpoint: Parameters<typeof endpointDetails>[0]) => resolver.resolve(endpointDetails(endpoint));

  it("lets the longest prefix win and never resolves to a zone", () => {
    expect(resolve({ address: "10.1.2.3" })).toBe("host");
    expect(resolve({ address: "10.1.9.9" })).toBe("subnet");
    expect(resolve({ address: "10.2.0.1" })).toBeNull();
  });

  it("matches IPv6 ranges and IPv4-mapped IPv6 addresses", () => {
    expect(resolve({ address: "2001:db8:1::5" })).toBe("v6");
    expect(resolve({ address: "::ffff:10.1.2.3" })).toBe("host");
  });

  it("matches names exactly before wildcards", () => {
    expect(resolve({ hostname: "api.example.com" })).toBe("api");
    expect(resolve({ hostname: "www.example.com" })).toBe("wild");
    expect(resolve({ hostname: "example.com" })).toBeNull();
  });

  it("matches Kubernetes endpoints by namespace and labels, the most specific selector first", () => {
    expect(resolve({ namespace: "shop", labels: { app: "web", tier: "front" } })).toBe("shop-web");
    expect(resolve({ namespace: "shop", labels: { app: "cart" } })).toBe("shop-any");
    expect(resolve({ namespace: "billing", labels: { app: "web" } })).toBeNull();
  });
});

describe("unmapped groups", () => {
  it("groups IPv4 by /24, IPv6 by /64, Kubernetes by namespace, names by parent domain", () => {
    expect(unmappedGroup(endpointDetails({ address: "192.0.2.77" }))).toBe("192.0.2.0/24");
    expect(unmappedGroup(endpointDetails({ address: "2001:db8:aa:bb:1::5" }))).toBe("2001:db8:aa:bb::/64");
    expect(unmappedGroup(endpointDetails({ namespace: "kube-system", labels: { k8s_app: "dns" } }))).toBe("namespace kube-system");
    expect(unmappedGroup(endpointDetails({ hostname: "x.svc.example.com" }))).toBe("*.svc.example.com");
  });
});
