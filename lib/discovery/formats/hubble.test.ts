import { describe, expect, it } from "vitest";
import { fixture, parsedOf, recordsOf, rejectsOf, skipsOf } from "./testing";
import { hubbleLabelsOf } from "./hubble";

describe("Hubble flows (hubble observe -o json)", () => {
  it("reads the wrapped flow with namespace, cleaned labels, pod, service and L4 ports", async () => {
    const [first] = recordsOf(await parsedOf("hubble", fixture("hubble-observe.json")));
    expect(first).toEqual({
      source: { address: "10.0.1.15", namespace: "shop", labels: { app: "frontend", tier: "web" }, pod: "frontend-6d9c7b8f5-x2kq4" },
      destination: { address: "10.0.2.40", namespace: "shop", labels: { app: "cart" }, pod: "cart-7f8d9c6b4-m9vt2", service: "cart" },
      protocol: "TCP",
      destinationPort: 8080,
      start: new Date("2026-12-06T10:00:00.100Z"),
      connections: 1,
      bytes: 0,
      packets: 1,
      verdict: "ALLOWED",
    });
  });

  it("turns a bare reply flow back to the connection's direction, counting no connection", async () => {
    const records = recordsOf(await parsedOf("hubble", fixture("hubble-observe.json")));
    expect(records[1]).toMatchObject({
      source: { address: "10.0.1.15", pod: "frontend-6d9c7b8f5-x2kq4" },
      destination: { address: "10.0.2.40" },
      destinationPort: 8080,
      connections: 0,
      packets: 1,
    });
  });

  it("reads DROPPED as denied with its drop reason", async () => {
    const records = recordsOf(await parsedOf("hubble", fixture("hubble-observe.json")));
    expect(records[2]).toMatchObject({
      protocol: "UDP",
      destinationPort: 5353,
      verdict: "DENIED",
      dropReason: "POLICY_DENIED",
      connections: 1,
      destination: { namespace: "payments" },
    });
  });

  it("reads ICMP without port from an empty source endpoint object", async () => {
    const records = recordsOf(await parsedOf("hubble", fixture("hubble-observe.json")));
    expect(records[3]).toMatchObject({ source: { address: "203.0.113.9" }, protocol: "ICMP", destinationPort: null, connections: 1 });
    expect(records[3]?.source).toEqual({ address: "203.0.113.9" });
  });

  it("keeps the L7 HTTP method and path and counts no new connection for it", async () => {
    const records = recordsOf(await parsedOf("hubble", fixture("hubble-observe.json")));
    expect(records[4]).toMatchObject({ http: { method: "POST", path: "/api/v1/items" }, connections: 0, destinationPort: 8080 });
  });

  it("reads IPv6 and the DNS name Hubble knows for the destination", async () => {
    const records = recordsOf(await parsedOf("hubble", fixture("hubble-observe.json")));
    expect(records[5]?.destination).toEqual({ address: "2606:4700::1111", labels: { "reserved:world": "" }, hostname: "one.one.one.one" });
  });

  it("reads AUDIT as allowed, skips non-flow events and rejects flows without time or broken JSON", async () => {
    const parsed = await parsedOf("hubble", fixture("hubble-observe.json"));
    expect(recordsOf(parsed)[6]).toMatchObject({ verdict: "ALLOWED", connections: 1 });
    expect(skipsOf(parsed)).toEqual([{ line: 7, reason: "comment" }]);
    const rejects = rejectsOf(parsed);
    expect(rejects[0]).toEqual({ line: 9, reason: "time is missing" });
    expect(rejects[1]?.line).toBe(10);
    expect(rejects[1]?.reason).toMatch(/^not JSON/);
  });

  it("counts a TCP event as a connection only when it opens one", async () => {
    const event = (flags: Record<string, boolean> | undefined) =>
      JSON.stringify({
        time: "2026-12-06T10:00:00Z",
        verdict: "FORWARDED",
        IP: { source: "10.0.0.1", destination: "10.0.0.2" },
        l4: { TCP: { source_port: 5000, destination_port: 80, ...(flags ? { flags } : {}) } },
      });
    const text = [event({ SYN: true }), event({ ACK: true }), event({ FIN: true, ACK: true }), event(undefined)].join("\n");
    expect(recordsOf(await parsedOf("hubble", text)).map((item) => item.connections)).toEqual([1, 0, 0, 0]);
  });

  it("rejects a flow with neither addresses nor endpoint names", async () => {
    const text = JSON.stringify({
      time: "2026-12-06T10:00:00Z",
      verdict: "FORWARDED",
      source: {},
      destination: {},
      l4: { UDP: { destination_port: 53 } },
    });
    expect(rejectsOf(await parsedOf("hubble", `${text}\n${fixture("hubble-observe.json").toString()}`))[0]).toEqual({
      line: 1,
      reason: "the source endpoint has no address, namespace or name",
    });
  });
});

describe("hubbleLabelsOf", () => {
  it("strips k8s: and drops Cilium's bookkeeping labels", () => {
    expect(
      hubbleLabelsOf([
        "k8s:app=a",
        "k8s:io.cilium.k8s.policy.cluster=c",
        "k8s:io.kubernetes.pod.namespace=n",
        "reserved:host",
        "k8s:app.kubernetes.io/name=x",
      ]),
    ).toEqual({
      app: "a",
      "reserved:host": "",
      "app.kubernetes.io/name": "x",
    });
    expect(hubbleLabelsOf(["k8s:io.cilium.k8s.policy.cluster=c"])).toBeUndefined();
    expect(hubbleLabelsOf(undefined)).toBeUndefined();
  });
});
