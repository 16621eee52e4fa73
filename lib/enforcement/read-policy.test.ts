import { describe, expect, it } from "vitest";
import { describeAccess, pairKey } from "./access";
import { driftOf } from "./drift";
import { generatePolicy, toYamlDocuments } from "./generate";
import { readDeployedPolicy } from "./read-policy";
import { PAYMENTS_SURFACE } from "./test-fixtures";

const networkPolicy = (spec: object, name = "web") => ({
  apiVersion: "networking.k8s.io/v1",
  kind: "NetworkPolicy",
  metadata: { name, namespace: "shop" },
  spec,
});

// Compiling the CRD schemas once takes seconds on a busy machine.
describe("reading deployed policy", { timeout: 60_000 }, () => {
  it("reads kubectl's List output, a NetworkPolicy's peers and port ranges, and leaves kube-dns egress out", () => {
    const list = {
      apiVersion: "v1",
      kind: "List",
      items: [
        networkPolicy({
          podSelector: { matchLabels: { app: "web" } },
          policyTypes: ["Ingress", "Egress"],
          ingress: [
            {
              from: [{ ipBlock: { cidr: "10.1.2.3/16" } }, { podSelector: { matchLabels: { app: "lb" } } }],
              ports: [{ protocol: "TCP", port: 8000, endPort: 8080 }],
            },
          ],
          egress: [
            {
              to: [
                {
                  namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } },
                  podSelector: { matchLabels: { "k8s-app": "kube-dns" } },
                },
              ],
              ports: [{ protocol: "UDP", port: 53 }],
            },
            {
              to: [
                {
                  namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "data" } },
                  podSelector: { matchLabels: { app: "db" } },
                },
              ],
            },
          ],
        }),
      ],
    };
    const read = readDeployedPolicy(toYamlDocuments([list]));
    expect(read.problems).toEqual([]);
    expect(read.access.map(describeAccess)).toEqual([
      "cidr:10.1.0.0/16 → shop/app=web TCP ports 8000-8080",
      "workload:shop/app=lb → shop/app=web TCP ports 8000-8080",
      "shop/app=web → workload:data/app=db ANY",
    ]);
    expect(read.subjects).toEqual(["shop/app=web"]);
  });

  it("refuses a file with a document that is not YAML, not a known kind, or invalid against its schema, naming each", () => {
    const text = [
      "kind: NetworkPolicy\nspec: a: b\n",
      toYamlDocuments([{ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "x" } }]),
      toYamlDocuments([networkPolicy({ podSelector: {}, ingress: [{ ports: [{ protocol: "ICMP" }] }] })]),
    ].join("---\n");
    const read = readDeployedPolicy(text);
    expect(read.problems).toEqual([
      { document: 0, path: "/", reason: expect.stringContaining("is not valid YAML") },
      { document: 1, path: "/kind", reason: expect.stringContaining("ConfigMap") },
      expect.objectContaining({ document: 2, path: "/spec/ingress/0/ports/0/protocol" }),
    ]);
  });

  it("warns about what it cannot compare (matchExpressions, named ports, DENY) instead of guessing", () => {
    const read = readDeployedPolicy(
      toYamlDocuments([
        networkPolicy({ podSelector: { matchExpressions: [{ key: "app", operator: "In", values: ["a"] }] } }),
        networkPolicy({ podSelector: { matchLabels: { app: "a" } }, ingress: [{ ports: [{ port: "http" }] }] }, "named"),
        {
          apiVersion: "security.istio.io/v1",
          kind: "AuthorizationPolicy",
          metadata: { name: "deny", namespace: "shop" },
          spec: { action: "DENY", rules: [{}] },
        },
      ]),
    );
    expect(read.problems).toEqual([]);
    expect(read.warnings.map((warning) => [warning.document, warning.reason])).toEqual([
      [0, expect.stringContaining("matchExpressions")],
      [1, expect.stringContaining('names port "http"')],
      [2, expect.stringContaining("only ALLOW policies are compared")],
    ]);
  });
});

describe("drift against the approved flows", { timeout: 60_000 }, () => {
  for (const target of ["kubernetes", "cilium", "istio"] as const) {
    it(`${target}: the generated policy itself has no drift`, () => {
      const deployed = toYamlDocuments(generatePolicy(PAYMENTS_SURFACE, target).documents);
      expect(driftOf(PAYMENTS_SURFACE, target, deployed)).toMatchObject({ excess: [], missing: [], problems: [], unselected: [] });
    });
  }

  it("names a widened port range as excess and a removed rule as missing; an unselected workload is listed", () => {
    const documents = generatePolicy(PAYMENTS_SURFACE, "kubernetes").documents as {
      metadata: { name: string };
      spec: { ingress: { ports?: { port?: number; endPort?: number }[] }[] };
    }[];
    const [vault, api, tokeniser] = ["card-vault", "payment-api", "tokeniser"].map((name) =>
      documents.find((document) => document.metadata.name.includes(name))!,
    );
    const widened = structuredClone(api!);
    widened.spec.ingress[0]!.ports = [{ port: 1, endPort: 65_535 } as never];
    const drift = driftOf(PAYMENTS_SURFACE, "kubernetes", toYamlDocuments([vault, widened, tokeniser]));
    expect(drift.excess.map(describeAccess)).toEqual([
      "cidr:10.100.0.0/16 → payments/app=payment-api TCP ports 1-65535",
      "cidr:2001:db8:100::/48 → payments/app=payment-api TCP ports 1-65535",
    ]);
    expect(drift.missing).toEqual([]);
    expect(drift.unselected).toEqual([]);

    const withoutTokeniser = driftOf(PAYMENTS_SURFACE, "kubernetes", toYamlDocuments([vault, api]));
    expect(withoutTokeniser.unselected).toEqual(["payments/app=tokeniser"]);
    expect(new Set(withoutTokeniser.missing.map((entry) => entry.subject.selector.app))).toEqual(new Set(["tokeniser"]));

    const trimmed = structuredClone(vault!);
    trimmed.spec.ingress = [];
    const missing = driftOf(PAYMENTS_SURFACE, "kubernetes", toYamlDocuments([trimmed, api, tokeniser]));
    expect(missing.missing.map(pairKey)).toEqual(["ingress payments/app=pan-vault workload:payments/app=tokeniser TCP"]);
  });
});
