/**
 * Policy as code on a large surface; prints figures, asserts nothing.
 *   npm run bench:policy
 * - generation for a 1,000-node / 2,000-flow surface, per target (each document schema-checked);
 * - drift of that surface against 5,000 deployed documents (its own policy, a few rules widened, and
 *   other teams' policies the reader must parse, schema-check and set aside);
 * - the policy diff of one change on that surface (every target, before and after), generated afresh
 *   and read again (the generated folders are kept by content).
 * Each figure is the median of several rounds after a warm-up, in milliseconds.
 */
import { performance } from "node:perf_hooks";
import { stringify } from "yaml";
import { applyProposedOperations } from "@/lib/enforcement/change/apply";
import { diffPolicy } from "@/lib/enforcement/change/diff";
import { driftOf } from "@/lib/enforcement/drift";
import { generatePolicy, toYamlDocuments } from "@/lib/enforcement/generate";
import { POLICY_TARGETS, type TPolicyFlow, type TPolicyNode, type TPolicySurface } from "@/lib/enforcement/model";

const NODES = 1_000;
const FLOWS = 2_000;
const DEPLOYED = 5_000;
const ROUNDS = 3;

const id = (prefix: number, n: number) => `00000000-0000-4000-${String(prefix).padStart(4, "0")}-${String(n).padStart(12, "0")}`;

/** 400 protected workloads (pod labels, some with a security group), 300 other workloads, 300 address-selected peers. */
function surfaceOf(): TPolicySurface {
  const nodes: TPolicyNode[] = Array.from({ length: NODES }, (_, n) => {
    const base = { id: id(8000, n), identity: "", labels: {}, addresses: [] as string[], protected: false };
    if (n < 400)
      return {
        ...base,
        kind: "WORKLOAD",
        label: `svc-${n}`,
        labels: { app: `svc-${n}`, namespace: `ns-${n % 20}` },
        identity: n % 4 === 0 ? `sg-${(0x10000000 + n).toString(16)}` : "",
        addresses: [`10.${n % 200}.${Math.floor(n / 200)}.10`],
        protected: true,
      };
    if (n < 700) return { ...base, kind: "WORKLOAD", label: `peer-${n}`, labels: { app: `peer-${n}`, namespace: `ns-${n % 20}` } };
    if (n < 950) return { ...base, kind: "USER_GROUP", label: `group-${n}`, addresses: [`172.${16 + (n % 16)}.${n % 250}.0/24`] };
    return { ...base, kind: "EXTERNAL", label: `partner-${n}`, addresses: [`api${n}.partner.example`] };
  });
  const flows: TPolicyFlow[] = Array.from({ length: FLOWS }, (_, n) => {
    const target = nodes[n % 400]!;
    const source = nodes[(n * 7 + 401) % NODES]!;
    return {
      id: id(9000, n),
      sourceId: n % 5 === 0 ? target.id : source.id,
      targetId: n % 5 === 0 ? nodes[950 + (n % 50)]!.id : target.id,
      protocol: n % 9 === 0 ? "UDP" : "TCP",
      ports: n % 11 === 0 ? "8000-8100" : String(1024 + (n % 5000)),
      appProtocol: "",
      principal: "",
      httpMethod: n % 13 === 0 ? "GET" : "",
      httpPath: n % 13 === 0 ? "/v1/.*" : "",
      status: "APPROVED",
      approval: { kind: "change", changeId: id(7000, n % 40), changeNumber: n % 40 },
    };
  });
  return { id: id(6000, 1), name: "Bench surface", nodes, flows };
}

function median(label: string, run: () => unknown): number {
  run();
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  const value = times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
  console.log(`${label.padEnd(58)} ${value.toFixed(0).padStart(7)} ms`);
  return value;
}

/** Other teams' NetworkPolicies: well-formed, parsed and schema-checked, then set aside as not this surface's. */
function foreignPolicies(count: number): string {
  return Array.from({ length: count }, (_, n) =>
    stringify({
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: { name: `other-${n}`, namespace: `team-${n % 50}` },
      spec: {
        podSelector: { matchLabels: { app: `other-${n}` } },
        policyTypes: ["Ingress"],
        ingress: [{ from: [{ ipBlock: { cidr: `192.168.${n % 250}.0/24` } }], ports: [{ protocol: "TCP", port: 443 }] }],
      },
    }),
  ).join("---\n");
}

const surface = surfaceOf();
console.log(`Surface: ${NODES} nodes, ${FLOWS} approved flows; ${ROUNDS} rounds after a warm-up, median.`);
for (const target of POLICY_TARGETS) {
  const documents = generatePolicy(surface, target).documents.length;
  median(`generate ${target} (${documents} documents)`, () => generatePolicy(surface, target));
}

const own = generatePolicy(surface, "kubernetes").documents;
// A few deployed policies drifted: every tenth opens SSH to the world as well.
const drifted = toYamlDocuments(
  (structuredClone(own) as Array<{ spec: { ingress?: unknown[] } }>).map((document, index) => {
    if (index % 10 === 0)
      document.spec.ingress = [
        ...(document.spec.ingress ?? []),
        { from: [{ ipBlock: { cidr: "0.0.0.0/0" } }], ports: [{ protocol: "TCP", port: 22 }] },
      ];
    return document;
  }),
);
const deployed = `${drifted}---\n${foreignPolicies(DEPLOYED - own.length)}`;
const report = driftOf(surface, "kubernetes", deployed);
console.log(
  `Deployed: ${DEPLOYED} documents (${own.length} of this surface), ${(deployed.length / 1024 / 1024).toFixed(1)} MiB of YAML; drift found ${report.excess.length} excess, ${report.missing.length} missing, ${report.problems.length} problems`,
);
median(`drift kubernetes against ${DEPLOYED} deployed documents`, () => driftOf(surface, "kubernetes", deployed));

const after = applyProposedOperations(
  surface,
  [
    { id: "op-1", kind: "REMOVE", edgeId: surface.flows[1]!.id },
    {
      id: "op-2",
      kind: "ADD",
      after: { sourceId: surface.nodes[500]!.id, targetId: surface.nodes[3]!.id, protocol: "TCP", ports: "9443", appProtocol: "" },
    },
  ],
  { id: id(7000, 99), number: 99 },
);
// Generated folders are kept by content: a new surface name per round makes each round generate both sides.
let round = 0;
median("policy diff of a two-operation change, every target (cold)", () => {
  round += 1;
  const name = `Bench surface ${round}`;
  return diffPolicy({ ...surface, name }, { ...after, name });
});
median("the same diff read again (both sides generated before)", () => diffPolicy(surface, after));
