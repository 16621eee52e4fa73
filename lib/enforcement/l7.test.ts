import { describe, expect, it } from "vitest";
import { generatePolicy } from "./generate";
import { PAYMENTS_FLOWS, PAYMENTS_NODES, PAYMENTS_SURFACE } from "./test-fixtures";
import type { TPolicyFlow } from "./model";
import { ZEdgeCreate } from "@/lib/maps/model/schemas";
import { istioPathOf } from "./targets/istio";

const n = PAYMENTS_NODES;
const withFlow = (flow: Partial<TPolicyFlow>) => ({
  ...PAYMENTS_SURFACE,
  flows: [{ ...PAYMENTS_FLOWS[1]!, sourceId: n.api.id, targetId: n.tokeniser.id, ports: "8443", ...flow }],
});
type TCnp = {
  metadata: { name: string };
  spec: {
    ingress: Array<{ toPorts?: Array<{ ports: unknown[]; rules?: unknown }> }>;
    egress: Array<{ toPorts?: Array<{ rules?: unknown }> }>;
  };
};
const tokeniserPolicy = (documents: unknown[]) => (documents as TCnp[]).find((document) => document.metadata.name.includes("tokeniser"))!;

describe("L7 HTTP rules in CiliumNetworkPolicy", () => {
  // The first generation compiles the CRD schema: slow on a loaded machine, so it gets room (no timing is asserted).
  it("puts the flow's method and path on its TCP port, both ways, in documents the CRD schema accepts", { timeout: 60_000 }, () => {
    const policy = generatePolicy(withFlow({ httpMethod: "POST", httpPath: "/v1/tokens/.*" }), "cilium");
    expect(policy.unsupported).toEqual([]);
    expect(tokeniserPolicy(policy.documents).spec.ingress[0]!.toPorts).toEqual([
      { ports: [{ port: "8443", protocol: "TCP" }], rules: { http: [{ method: "POST", path: "/v1/tokens/.*" }] } },
    ]);
    const api = (policy.documents as TCnp[]).find((document) => document.metadata.name.includes("payment-api"))!;
    expect(api.spec.egress[0]!.toPorts?.[0]?.rules).toEqual({ http: [{ method: "POST", path: "/v1/tokens/.*" }] });
  });

  it("names only what the flow names: a path alone, no rules at all without either", () => {
    const pathOnly = generatePolicy(withFlow({ httpPath: "/health" }), "cilium");
    expect(tokeniserPolicy(pathOnly.documents).spec.ingress[0]!.toPorts![0]!.rules).toEqual({ http: [{ path: "/health" }] });
    const plain = generatePolicy(withFlow({}), "cilium");
    expect(tokeniserPolicy(plain.documents).spec.ingress[0]!.toPorts![0]!.rules).toBeUndefined();
  });

  it("keeps the L4 rule and says why when the ports are a range, every port or not TCP", () => {
    for (const flow of [
      { ports: "9000-9010" },
      { ports: "" },
      { protocol: "UDP" as const, ports: "8443" },
      { protocol: "ANY" as const, ports: "8443" },
    ]) {
      const policy = generatePolicy(withFlow({ ...flow, httpMethod: "GET" }), "cilium");
      expect(policy.unsupported).toEqual([
        {
          flowId: PAYMENTS_FLOWS[1]!.id,
          reason: "Cilium applies HTTP method and path rules only to single TCP ports: enforced at L4 without them",
        },
      ]);
      expect(JSON.stringify(policy.documents)).not.toContain('"http"');
    }
  });
});

describe("a flow's method and path on the map", () => {
  const base = { sourceId: n.api.id, targetId: n.tokeniser.id };
  const issue = (fields: object) =>
    ZEdgeCreate.safeParse({ ...base, ...fields }).error?.issues.map((entry) => [entry.path.join("."), entry.message]);

  it("are optional and accept an HTTP method and an absolute path pattern", () => {
    expect(ZEdgeCreate.parse(base)).toMatchObject({ httpMethod: "", httpPath: "" });
    expect(ZEdgeCreate.parse({ ...base, httpMethod: "PATCH", httpPath: "/v1/cards/[0-9]+" })).toMatchObject({ httpMethod: "PATCH" });
  });

  it("refuse a method outside the HTTP set, a relative path, spaces and a pattern that does not compile, naming the field", () => {
    expect(issue({ httpMethod: "FETCH" })).toEqual([["httpMethod", expect.stringContaining("must be one of GET")]]);
    expect(issue({ httpMethod: "get" })?.[0]?.[0]).toBe("httpMethod");
    expect(issue({ httpPath: "v1/cards" })).toEqual([["httpPath", "must be an absolute path starting with / and without spaces"]]);
    expect(issue({ httpPath: "/v1/a b" })?.[0]?.[0]).toBe("httpPath");
    expect(issue({ httpPath: "/v1/(" })).toEqual([["httpPath", "must be a valid path pattern (a regular expression)"]]);
  });
});

type TAuthz = { metadata: { name: string }; spec: { rules?: Array<{ to?: Array<{ operation: Record<string, string[]> }> }> } };
const tokeniserAuthz = (documents: unknown[]) =>
  (documents as TAuthz[]).find((document) => document.metadata.name.includes("tokeniser"))!.spec.rules![0]!.to;

describe("L7 HTTP rules in Istio AuthorizationPolicy", () => {
  it("puts the flow's method and a prefix path on its operation, in documents the Istio schema accepts", () => {
    const policy = generatePolicy(withFlow({ httpMethod: "POST", httpPath: "/v1/tokens/.*" }), "istio");
    expect(policy.unsupported).toEqual([]);
    expect(tokeniserAuthz(policy.documents)).toEqual([{ operation: { ports: ["8443"], methods: ["POST"], paths: ["/v1/tokens/*"] } }]);
  });

  it("keeps a method on a port range or on every port, where Cilium cannot", () => {
    const policy = generatePolicy(withFlow({ ports: "9000-9001", httpMethod: "GET" }), "istio");
    expect(policy.unsupported).toEqual([]);
    expect(tokeniserAuthz(policy.documents)).toEqual([{ operation: { ports: ["9000", "9001"], methods: ["GET"] } }]);
    const everyPort = generatePolicy(withFlow({ ports: "", httpMethod: "GET" }), "istio");
    expect(tokeniserAuthz(everyPort.documents)).toEqual([{ operation: { methods: ["GET"] } }]);
  });

  it("enforces a pattern Istio cannot say without its path, and says so", () => {
    const policy = generatePolicy(withFlow({ httpMethod: "GET", httpPath: "/v1/cards/[0-9]+" }), "istio");
    expect(policy.unsupported).toEqual([
      {
        flowId: PAYMENTS_FLOWS[1]!.id,
        reason: 'Istio matches paths exactly, by prefix or by suffix, not by the pattern "/v1/cards/[0-9]+": enforced without the path',
      },
    ]);
    expect(tokeniserAuthz(policy.documents)).toEqual([{ operation: { ports: ["8443"], methods: ["GET"] } }]);
  });
});

describe("a path pattern in Istio's terms", () => {
  it.each([
    ["/health", "/health"],
    ["^/health$", "/health"],
    ["/v1/tokens/.*", "/v1/tokens/*"],
    ["^/v1/.*$", "/v1/*"],
    [".*\\.json", "*.json"],
    ["/a\\.b\\+c", "/a.b+c"],
  ])("%s is %s", (pattern, path) => {
    expect(istioPathOf(pattern)).toBe(path);
  });

  it.each(["/v1/cards/[0-9]+", "/a|/b", "/v1/.*/items", ".*", "/x\\d", "/v1/tokens/.+"])("%s has no Istio form", (pattern) => {
    expect(istioPathOf(pattern)).toBeNull();
  });
});

describe("targets without HTTP rules", () => {
  it.each([
    ["kubernetes", "NetworkPolicy"],
    ["aws", "A security group"],
    ["firewall", "The rule table"],
  ] as const)("%s enforces a flow's method and path at L4 and says so", (target, name) => {
    const policy = generatePolicy(withFlow({ httpMethod: "POST", httpPath: "/v1/tokens" }), target);
    expect(policy.unsupported).toContainEqual({
      flowId: PAYMENTS_FLOWS[1]!.id,
      reason: `${name} has no HTTP rules: enforced at L4 without the method and path`,
    });
    const plain = generatePolicy(withFlow({}), target);
    expect(plain.unsupported.filter((entry) => entry.reason.includes("HTTP"))).toEqual([]);
  });
});
