/**
 * Reads deployed policy (what `kubectl get networkpolicies,ciliumnetworkpolicies,
 * authorizationpolicies -A -o yaml` prints: a List, or documents separated by ---) into access
 * entries. Each document is checked by its published schema first; a document that is not YAML,
 * not a kind Concord reads, or invalid is reported with its index, path and reason, and nothing
 * from the file is used.
 *
 * What is read, by kind:
 * - NetworkPolicy: podSelector; ingress `from` / egress `to` peers (podSelector, namespaceSelector,
 *   ipBlock; an empty list means every peer); ports with endPort (no ports: every port).
 * - CiliumNetworkPolicy: endpointSelector; from/toEndpoints, from/toCIDR(Set), toFQDNs,
 *   from/toEntities ("world", "all" read as any peer); toPorts (port "0" is every port); icmps.
 * - AuthorizationPolicy (ALLOW): selector; rules' source principals, namespaces and ipBlocks, and
 *   operation ports; a policy without rules allows nothing.
 * HTTP methods and paths (Cilium's rules.http, Istio's operation methods and paths) are not compared:
 * drift is measured at L3/L4.
 * DNS egress to kube-dns is infrastructure Concord adds itself, so it is left out on both sides.
 * Label selectors with matchExpressions, named ports and DENY actions are reported, not guessed.
 */
import { parseAllDocuments } from "yaml";
import { workloadKey, type TAccess, type TAccessPeer, type TAccessProtocol, type TWorkloadRef } from "./access";
import { cidrOf, DEFAULT_NAMESPACE } from "./endpoints";
import { KUBE_DNS } from "./targets/kubernetes";
import { validateKubernetesDocument, type TSchemaProblem } from "./validate";

type TObject = Record<string, unknown>;
/** problems stop the file from being used; warnings name what was read approximately or left out. */
type TRead = { access: TAccess[]; subjects: string[]; problems: TSchemaProblem[]; warnings: TSchemaProblem[] };

const NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";
const CILIUM_NAMESPACE = "io.kubernetes.pod.namespace";

const asObject = (value: unknown): TObject => (value && typeof value === "object" && !Array.isArray(value) ? (value as TObject) : {});
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asLabels = (value: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries(asObject(value)).map(([key, text]) => [key, String(text)]));

/** A document of the file: its index among the file's documents, and its path there (a List's items). */
export type TFileDocument = { index: number; path: string; value: unknown };

/** Parses the file into documents, unwrapping `kind: List`; a YAML error names the document. */
export function parsePolicyFile(text: string): { documents: TFileDocument[]; problems: TSchemaProblem[] } {
  const documents: TFileDocument[] = [];
  const problems: TSchemaProblem[] = [];
  parseAllDocuments(text).forEach((document, index) => {
    if (document.errors.length > 0) {
      problems.push({ document: index, path: "/", reason: `is not valid YAML: ${document.errors[0]!.message.split("\n")[0]}` });
      return;
    }
    const value = document.toJS();
    if (value === null || value === undefined) return;
    if (asObject(value).kind === "List")
      asArray(asObject(value).items).forEach((item, position) => documents.push({ index, path: `/items/${position}`, value: item }));
    else documents.push({ index, path: "", value });
  });
  return { documents, problems };
}

function stripCiliumPrefix(labels: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(labels).map(([key, value]) => [key.replace(/^(k8s|any):/, ""), value]));
}

function selectorOf(selector: unknown, where: string, problems: string[]): Record<string, string> | null {
  const object = asObject(selector);
  if (asArray(object.matchExpressions).length > 0) {
    problems.push(`${where} uses matchExpressions, which Concord does not compare`);
    return null;
  }
  return asLabels(object.matchLabels);
}

function portsOf(
  entry: TObject,
  protocolDefault: TAccessProtocol,
  problems: string[],
  where: string,
): { protocol: TAccessProtocol; from: number | null; to: number | null }[] {
  const port = entry.port;
  const protocol = ((entry.protocol as string | undefined) ?? protocolDefault).toUpperCase() as TAccessProtocol;
  if (port === undefined || port === null || port === "0" || port === 0) return [{ protocol, from: null, to: null }];
  const number = typeof port === "number" ? port : /^\d+$/.test(String(port)) ? Number(port) : null;
  if (number === null) {
    problems.push(`${where} names port "${String(port)}", which Concord cannot resolve`);
    return [];
  }
  const end = typeof entry.endPort === "number" ? entry.endPort : number;
  return [{ protocol, from: number, to: end }];
}

function isKubeDns(peer: TAccessPeer): boolean {
  return peer.kind === "workload" && peer.namespace === KUBE_DNS.namespace && peer.selector["k8s-app"] === KUBE_DNS.labels["k8s-app"];
}

function emit(
  read: TRead,
  subject: TWorkloadRef,
  direction: TAccess["direction"],
  peers: TAccessPeer[],
  ports: { protocol: TAccessProtocol; from: number | null; to: number | null }[],
  origin: TAccess["origin"],
) {
  for (const peer of peers) {
    if (direction === "egress" && isKubeDns(peer)) continue;
    for (const port of ports) read.access.push({ subject, direction, peer, ...port, origin });
  }
}

function networkPolicyPeers(list: unknown, namespace: string, problems: string[], where: string): TAccessPeer[] {
  const peers = asArray(list);
  if (peers.length === 0) return [{ kind: "any" }];
  return peers.flatMap((raw, index): TAccessPeer[] => {
    const peer = asObject(raw);
    if (peer.ipBlock) {
      if (asArray(asObject(peer.ipBlock).except).length > 0)
        problems.push(`${where}[${index}] has ipBlock exceptions, read as the whole block`);
      const cidr = cidrOf(String(asObject(peer.ipBlock).cidr));
      return cidr ? [{ kind: "cidr", cidr }] : [];
    }
    const namespaceLabels =
      peer.namespaceSelector === undefined ? null : selectorOf(peer.namespaceSelector, `${where}[${index}].namespaceSelector`, problems);
    const pods = peer.podSelector === undefined ? {} : selectorOf(peer.podSelector, `${where}[${index}].podSelector`, problems);
    if (pods === null || (peer.namespaceSelector !== undefined && namespaceLabels === null)) return [];
    const peerNamespace =
      namespaceLabels === null
        ? namespace
        : (namespaceLabels[NAMESPACE_NAME_LABEL] ??
          (Object.keys(namespaceLabels).length === 0
            ? "*"
            : `{${Object.entries(namespaceLabels)
                .map(([k, v]) => `${k}=${v}`)
                .join(",")}}`));
    return [{ kind: "workload", namespace: peerNamespace, selector: pods }];
  });
}

function readNetworkPolicy(document: TObject, index: number, read: TRead, problems: string[]) {
  const metadata = asObject(document.metadata);
  const spec = asObject(document.spec);
  const namespace = String(metadata.namespace ?? DEFAULT_NAMESPACE);
  const selector = selectorOf(spec.podSelector, "/spec/podSelector", problems);
  if (!selector) return;
  const subject = { namespace, selector };
  read.subjects.push(workloadKey(subject));
  const origin = { document: index, name: String(metadata.name ?? `document ${index}`) };
  const ruleList = (key: "ingress" | "egress", peerKey: "from" | "to") =>
    asArray(spec[key]).forEach((raw, ruleIndex) => {
      const rule = asObject(raw);
      const where = `/spec/${key}/${ruleIndex}`;
      const peers = networkPolicyPeers(rule[peerKey], namespace, problems, `${where}/${peerKey}`);
      const ports =
        asArray(rule.ports).length === 0
          ? [{ protocol: "ANY" as const, from: null, to: null }]
          : asArray(rule.ports).flatMap((port) => portsOf(asObject(port), "TCP", problems, `${where}/ports`));
      emit(read, subject, key, peers, ports, origin);
    });
  ruleList("ingress", "from");
  ruleList("egress", "to");
}

function ciliumEndpoints(list: unknown, namespace: string, problems: string[], where: string): TAccessPeer[] {
  return asArray(list).flatMap((raw, index): TAccessPeer[] => {
    const labels = selectorOf(raw, `${where}[${index}]`, problems);
    if (!labels) return [];
    const stripped = stripCiliumPrefix(labels);
    const peerNamespace = stripped[CILIUM_NAMESPACE] ?? namespace;
    delete stripped[CILIUM_NAMESPACE];
    return [{ kind: "workload", namespace: peerNamespace, selector: stripped }];
  });
}

function ciliumPeers(rule: TObject, direction: "from" | "to", namespace: string, problems: string[], where: string): TAccessPeer[] {
  const peers: TAccessPeer[] = [...ciliumEndpoints(rule[`${direction}Endpoints`], namespace, problems, `${where}/${direction}Endpoints`)];
  for (const cidr of asArray(rule[`${direction}CIDR`])) {
    const canonical = cidrOf(String(cidr));
    if (canonical) peers.push({ kind: "cidr", cidr: canonical });
  }
  for (const entry of asArray(rule[`${direction}CIDRSet`])) {
    const canonical = cidrOf(String(asObject(entry).cidr ?? ""));
    if (canonical) peers.push({ kind: "cidr", cidr: canonical });
  }
  for (const fqdn of asArray(rule.toFQDNs)) {
    const name = String(asObject(fqdn).matchName ?? asObject(fqdn).matchPattern ?? "").toLowerCase();
    if (name) peers.push({ kind: "fqdn", name });
  }
  for (const entity of asArray(rule[`${direction}Entities`])) {
    if (entity === "world" || entity === "all") peers.push({ kind: "any" });
    else problems.push(`${where}/${direction}Entities names "${String(entity)}", which Concord does not compare`);
  }
  return peers;
}

function readCiliumPolicy(document: TObject, index: number, read: TRead, problems: string[]) {
  const metadata = asObject(document.metadata);
  const spec = asObject(document.spec);
  const namespace = String(metadata.namespace ?? DEFAULT_NAMESPACE);
  const labels = selectorOf(spec.endpointSelector, "/spec/endpointSelector", problems);
  if (!labels) return;
  const selector = stripCiliumPrefix(labels);
  delete selector[CILIUM_NAMESPACE];
  const subject = { namespace, selector };
  read.subjects.push(workloadKey(subject));
  const origin = { document: index, name: String(metadata.name ?? `document ${index}`) };
  for (const [key, direction] of [
    ["ingress", "from"],
    ["egress", "to"],
  ] as const) {
    asArray(spec[key]).forEach((raw, ruleIndex) => {
      const rule = asObject(raw);
      const where = `/spec/${key}/${ruleIndex}`;
      const peers = ciliumPeers(rule, direction, namespace, problems, where);
      const ports = [
        ...asArray(rule.toPorts).flatMap((entry) =>
          asArray(asObject(entry).ports).flatMap((port) => portsOf(asObject(port), "ANY", problems, `${where}/toPorts`)),
        ),
        ...(asArray(rule.icmps).length > 0 ? [{ protocol: "ICMP" as const, from: null, to: null }] : []),
      ];
      emit(read, subject, key, peers, ports.length > 0 ? ports : [{ protocol: "ANY", from: null, to: null }], origin);
    });
  }
}

function readAuthorizationPolicy(document: TObject, index: number, read: TRead, problems: string[]) {
  const metadata = asObject(document.metadata);
  const spec = asObject(document.spec);
  const action = String(spec.action ?? "ALLOW");
  if (action !== "ALLOW") {
    problems.push(`/spec/action is ${action}; only ALLOW policies are compared`);
    return;
  }
  const namespace = String(metadata.namespace ?? DEFAULT_NAMESPACE);
  const selector = asLabels(asObject(spec.selector).matchLabels);
  const subject = { namespace, selector };
  read.subjects.push(workloadKey(subject));
  const origin = { document: index, name: String(metadata.name ?? `document ${index}`) };
  asArray(spec.rules).forEach((raw) => {
    const rule = asObject(raw);
    const sources = asArray(rule.from).map((entry) => asObject(asObject(entry).source));
    const peers: TAccessPeer[] =
      sources.length === 0
        ? [{ kind: "any" }]
        : sources.flatMap((source): TAccessPeer[] => [
            ...asArray(source.principals).map((principal): TAccessPeer => ({
              kind: "workload",
              namespace: `principal:${String(principal)}`,
              selector: {},
            })),
            ...asArray(source.namespaces).map((name): TAccessPeer => ({ kind: "workload", namespace: String(name), selector: {} })),
            ...asArray(source.ipBlocks).flatMap((block): TAccessPeer[] => {
              const cidr = cidrOf(String(block));
              return cidr ? [{ kind: "cidr", cidr }] : [];
            }),
          ]);
    const operations = asArray(rule.to).map((entry) => asObject(asObject(entry).operation));
    const ports = operations.flatMap((operation) =>
      asArray(operation.ports).map((port) => ({ protocol: "TCP" as const, from: Number(port), to: Number(port) })),
    );
    emit(read, subject, "ingress", peers, ports.length > 0 ? ports : [{ protocol: "TCP", from: null, to: null }], origin);
  });
}

/** All access the documents grant, or the problems that stop Concord from reading them. */
export function readDeployedPolicy(text: string): TRead {
  const { documents, problems: parseProblems } = parsePolicyFile(text);
  const read: TRead = { access: [], subjects: [], problems: [...parseProblems], warnings: [] };
  documents.forEach(({ index, path: prefix, value: raw }) => {
    const schemaProblems = validateKubernetesDocument(raw, index);
    if (schemaProblems.length > 0) {
      read.problems.push(...schemaProblems.map((problem) => ({ ...problem, path: `${prefix}${problem.path}` })));
      return;
    }
    const document = asObject(raw);
    const notes: string[] = [];
    if (document.kind === "NetworkPolicy") readNetworkPolicy(document, index, read, notes);
    else if (document.kind === "CiliumNetworkPolicy") readCiliumPolicy(document, index, read, notes);
    else readAuthorizationPolicy(document, index, read, notes);
    for (const note of notes) {
      const [path, ...words] = note.split(" ");
      read.warnings.push(
        path!.startsWith("/")
          ? { document: index, path: `${prefix}${path}`, reason: words.join(" ") }
          : { document: index, path: prefix || "/", reason: note },
      );
    }
  });
  return read;
}
