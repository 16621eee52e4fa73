/** A small surface with every node kind and flow attribute the generators read, for golden files. */
import type { TPolicyFlow, TPolicyNode, TPolicySurface } from "./model";

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

const node = (n: number, fields: Partial<TPolicyNode> & Pick<TPolicyNode, "kind" | "label">): TPolicyNode => ({
  id: id(n),
  identity: "",
  labels: {},
  addresses: [],
  protected: false,
  ...fields,
});

const flow = (n: number, fields: Partial<TPolicyFlow> & Pick<TPolicyFlow, "sourceId" | "targetId">): TPolicyFlow => ({
  id: id(100 + n),
  protocol: "TCP",
  ports: "",
  appProtocol: "",
  principal: "",
  status: "APPROVED",
  approval: { kind: "change", changeId: id(900), changeNumber: 42 },
  ...fields,
});

export const PAYMENTS_NODES = {
  api: node(1, {
    kind: "WORKLOAD",
    label: "Payment API",
    labels: { app: "payment-api", namespace: "payments" },
    identity: "sg-0a1b2c3d4e5f60718",
    protected: true,
  }),
  tokeniser: node(2, { kind: "SERVICE", label: "Tokeniser", labels: { app: "tokeniser", namespace: "payments" }, protected: true }),
  vault: node(3, {
    kind: "DATASTORE",
    label: "Card vault",
    labels: { app: "pan-vault", namespace: "payments" },
    identity: "sg-0ffeeffeeffee0001",
    protected: true,
  }),
  staff: node(4, {
    kind: "USER_GROUP",
    label: "Support staff",
    labels: { group: "support" },
    addresses: ["10.100.0.0/16", "2001:db8:100::/48"],
  }),
  laptops: node(5, { kind: "DEVICE", label: "Managed laptops", addresses: ["10.101.0.0/16"] }),
  acquirer: node(6, { kind: "EXTERNAL", label: "Acquirer API", addresses: ["api.acquirer.example", "203.0.113.10"] }),
  fraud: node(7, { kind: "WORKLOAD", label: "Fraud scoring", labels: { app: "fraud" } }),
  zone: node(8, { kind: "ZONE", label: "PCI zone" }),
  people: node(9, { kind: "USER_GROUP", label: "Everyone", labels: { group: "all" } }),
  cdn: node(10, { kind: "EXTERNAL", label: "CDN", addresses: ["*.cdn.example"] }),
};

const n = PAYMENTS_NODES;

export const PAYMENTS_FLOWS: TPolicyFlow[] = [
  flow(1, { sourceId: n.staff.id, targetId: n.api.id, ports: "443", appProtocol: "HTTPS" }),
  flow(2, {
    sourceId: n.api.id,
    targetId: n.tokeniser.id,
    ports: "8443",
    principal: "cluster.local/ns/payments/sa/payment-api",
    approval: { kind: "agreement", surfaceVersion: 3 },
  }),
  flow(3, { sourceId: n.tokeniser.id, targetId: n.vault.id, ports: "5432" }),
  flow(4, { sourceId: n.api.id, targetId: n.acquirer.id, ports: "443" }),
  flow(5, { sourceId: n.fraud.id, targetId: n.api.id, protocol: "UDP", ports: "8125" }),
  flow(6, { sourceId: n.laptops.id, targetId: n.vault.id, protocol: "ICMP" }),
  flow(7, { sourceId: n.api.id, targetId: n.tokeniser.id, ports: "9000-9010" }),
  flow(8, { sourceId: n.people.id, targetId: n.api.id, ports: "443" }),
  flow(9, { sourceId: n.api.id, targetId: n.cdn.id, protocol: "ANY" }),
  flow(10, { sourceId: n.staff.id, targetId: n.laptops.id, ports: "22" }),
  flow(11, { sourceId: n.staff.id, targetId: n.api.id, ports: "8080", status: "PROPOSED", approval: null }),
  flow(12, { sourceId: n.laptops.id, targetId: n.api.id, ports: "1-1024" }),
];

export const PAYMENTS_SURFACE: TPolicySurface = {
  id: id(500),
  name: "Card payments",
  nodes: Object.values(PAYMENTS_NODES),
  flows: PAYMENTS_FLOWS,
};
