import crypto from "node:crypto";
import { db, type Encryption, type FlowAuthentication, type FlowStatus, type NodeKind, type Protocol } from "@/lib/db";
import { systemContext } from "@/lib/auth/actor";
import { writeMapOperations } from "@/lib/maps/service";
import type { TMapOperation } from "@/lib/maps/model/schemas";
import type { TSeedContext } from "./context";

type TDemoNode = {
  key: string;
  kind: NodeKind;
  label: string;
  /** The DAAS element (by name) this node stands for: a member of the protect surface. */
  element?: string;
  zone?: string;
  x: number;
  y: number;
  width?: number;
  height?: number;
  identity?: string;
  labels?: Record<string, string>;
  addresses?: string[];
  environment?: string;
  notes?: string;
};

type TDemoFlow = {
  from: string;
  to: string;
  protocol: Protocol;
  ports: string;
  app?: string;
  encryption: Encryption;
  authentication?: FlowAuthentication;
  status: FlowStatus;
  why?: string;
  principal?: string;
  owner?: string;
  /** Index of the surface's Kipling statement the flow realizes. */
  statement?: number;
  observed?: { connections: number; bytes: number; firstSeenDays: number; lastSeenHours: number };
};

type TDemoMap = { surface: string; nodes: TDemoNode[]; flows: TDemoFlow[] };

/**
 * Believable maps for the demo surfaces. Each has zones, the surface's own elements inside its
 * boundary, observed traffic with counters, approved and proposed flows — and the gaps the
 * dashboard points at: cleartext into Restricted data, and an approval nobody justified.
 */
export const DEMO_MAPS: TDemoMap[] = [
  {
    surface: "Card payments",
    nodes: [
      { key: "edge", kind: "ZONE", label: "Internet edge", x: 0, y: 0, width: 260, height: 300 },
      { key: "shoppers", kind: "USER_GROUP", label: "Online shoppers", zone: "edge", x: 38, y: 60 },
      {
        key: "schemes",
        kind: "EXTERNAL",
        label: "Card schemes (Visa, Mastercard)",
        zone: "edge",
        x: 38,
        y: 190,
        addresses: ["auth.cardscheme.example"],
      },
      { key: "pci", kind: "ZONE", label: "Payments zone (PCI)", x: 340, y: -40, width: 760, height: 500 },
      {
        key: "api",
        kind: "WORKLOAD",
        label: "Payment API",
        element: "Payment API",
        zone: "pci",
        x: 50,
        y: 80,
        identity: "spiffe://concord.example/payments/payment-api",
        labels: { app: "payment-api", tier: "edge" },
        addresses: ["10.20.1.0/24"],
        environment: "production",
      },
      {
        key: "token",
        kind: "SERVICE",
        label: "Tokenisation service",
        element: "Tokenisation service",
        zone: "pci",
        x: 320,
        y: 80,
        identity: "spiffe://concord.example/payments/tokeniser",
        labels: { app: "tokeniser" },
        addresses: ["10.20.2.0/24"],
        environment: "production",
      },
      {
        key: "vault",
        kind: "DATASTORE",
        label: "Cardholder database",
        element: "Cardholder database",
        zone: "pci",
        x: 320,
        y: 300,
        labels: { app: "pan-vault" },
        addresses: ["pan-vault.payments.internal"],
        environment: "production",
      },
      {
        key: "hsm",
        kind: "DEVICE",
        label: "HSM cluster",
        element: "HSM cluster",
        zone: "pci",
        x: 560,
        y: 80,
        addresses: ["10.20.9.10", "10.20.9.11"],
      },
      {
        key: "settle",
        kind: "WORKLOAD",
        label: "Settlement batch",
        zone: "pci",
        x: 50,
        y: 300,
        identity: "svc-settlement",
        labels: { app: "settlement" },
      },
      {
        key: "fraud",
        kind: "WORKLOAD",
        label: "Fraud scoring (legacy)",
        x: 1180,
        y: 320,
        labels: { app: "fraud-legacy" },
        addresses: ["10.40.7.21"],
        notes: "Scheduled for retirement in Q3.",
      },
    ],
    flows: [
      {
        from: "shoppers",
        to: "api",
        protocol: "TCP",
        ports: "443",
        app: "HTTPS",
        encryption: "TLS",
        authentication: "TOKEN",
        status: "APPROVED",
        why: "Customers submit card payments",
        owner: "netopsLead",
      },
      {
        from: "api",
        to: "token",
        protocol: "TCP",
        ports: "8443",
        app: "gRPC",
        encryption: "MTLS",
        authentication: "CERTIFICATE",
        status: "APPROVED",
        why: "Authorise card payments without handling PANs",
        principal: "spiffe://concord.example/payments/payment-api",
        owner: "secopsLead",
        statement: 0,
      },
      {
        from: "token",
        to: "hsm",
        protocol: "TCP",
        ports: "1792",
        app: "PKCS#11",
        encryption: "MTLS",
        authentication: "CERTIFICATE",
        status: "APPROVED",
        why: "Key operations for tokenisation",
        owner: "secopsLead",
      },
      {
        from: "token",
        to: "vault",
        protocol: "TCP",
        ports: "5432",
        app: "PostgreSQL",
        encryption: "TLS",
        authentication: "CERTIFICATE",
        status: "APPROVED",
        why: "Store and resolve tokens",
        owner: "netopsLead",
      },
      {
        from: "settle",
        to: "vault",
        protocol: "TCP",
        ports: "5432",
        app: "PostgreSQL",
        encryption: "NONE",
        authentication: "TOKEN",
        status: "OBSERVED",
        statement: 1,
        observed: { connections: 1840, bytes: 7_340_032_000, firstSeenDays: 41, lastSeenHours: 3 },
      },
      {
        from: "fraud",
        to: "vault",
        protocol: "TCP",
        ports: "5432",
        app: "PostgreSQL",
        encryption: "NONE",
        authentication: "TOKEN",
        status: "APPROVED",
        observed: { connections: 96_120, bytes: 1_210_000_000, firstSeenDays: 400, lastSeenHours: 1 },
      },
      {
        from: "api",
        to: "schemes",
        protocol: "TCP",
        ports: "443",
        app: "HTTPS",
        encryption: "TLS",
        authentication: "CERTIFICATE",
        status: "APPROVED",
        why: "Authorisation requests to the card schemes",
      },
      {
        from: "settle",
        to: "schemes",
        protocol: "TCP",
        ports: "443",
        app: "HTTPS",
        encryption: "TLS",
        authentication: "CERTIFICATE",
        status: "PROPOSED",
        why: "Upload daily settlement files over HTTPS instead of SFTP",
      },
      {
        from: "shoppers",
        to: "vault",
        protocol: "ANY",
        ports: "",
        encryption: "NONE",
        status: "DENIED",
        why: "Card data is never reachable from the internet",
      },
    ],
  },
  {
    surface: "Workforce identity",
    nodes: [
      { key: "corp", kind: "ZONE", label: "Corporate network", x: 0, y: 0, width: 260, height: 300 },
      { key: "staff", kind: "USER_GROUP", label: "All employees", zone: "corp", x: 38, y: 60, labels: { group: "all-staff" } },
      {
        key: "laptops",
        kind: "DEVICE",
        label: "Managed laptops",
        zone: "corp",
        x: 38,
        y: 190,
        labels: { mdm: "enrolled" },
        addresses: ["10.100.0.0/16"],
      },
      { key: "idz", kind: "ZONE", label: "Identity zone", x: 340, y: -20, width: 560, height: 420 },
      {
        key: "sso",
        kind: "SERVICE",
        label: "SSO / OIDC provider",
        element: "SSO / OIDC provider",
        zone: "idz",
        x: 40,
        y: 70,
        identity: "spiffe://concord.example/identity/sso",
        addresses: ["sso.concord.example"],
      },
      {
        key: "mfa",
        kind: "SERVICE",
        label: "MFA service",
        element: "MFA service",
        zone: "idz",
        x: 320,
        y: 70,
        identity: "spiffe://concord.example/identity/mfa",
      },
      {
        key: "dir",
        kind: "DATASTORE",
        label: "Employee directory",
        element: "Employee directory",
        zone: "idz",
        x: 180,
        y: 270,
        addresses: ["ldap.corp.internal"],
      },
      { key: "hris", kind: "EXTERNAL", label: "HR SaaS (people data)", x: 980, y: 250, addresses: ["api.hr-saas.example"] },
    ],
    flows: [
      {
        from: "staff",
        to: "sso",
        protocol: "TCP",
        ports: "443",
        app: "HTTPS",
        encryption: "TLS",
        authentication: "MFA",
        status: "APPROVED",
        why: "Sign in to internal applications",
        statement: 0,
        owner: "secopsLead",
      },
      {
        from: "sso",
        to: "mfa",
        protocol: "TCP",
        ports: "443",
        app: "HTTPS",
        encryption: "MTLS",
        authentication: "CERTIFICATE",
        status: "APPROVED",
        why: "Second factor for every sign-in",
      },
      {
        from: "sso",
        to: "dir",
        protocol: "TCP",
        ports: "636",
        app: "LDAPS",
        encryption: "TLS",
        authentication: "CERTIFICATE",
        status: "APPROVED",
        why: "Look up users and groups",
      },
      {
        from: "dir",
        to: "dir",
        protocol: "TCP",
        ports: "636",
        app: "LDAPS replication",
        encryption: "TLS",
        authentication: "CERTIFICATE",
        status: "APPROVED",
        why: "Multi-master replication between directory nodes",
      },
      {
        from: "hris",
        to: "dir",
        protocol: "TCP",
        ports: "636",
        app: "LDAPS",
        encryption: "TLS",
        authentication: "TOKEN",
        status: "PROPOSED",
        why: "Joiner and leaver sync from HR",
      },
      {
        from: "laptops",
        to: "dir",
        protocol: "TCP",
        ports: "389",
        app: "LDAP",
        encryption: "NONE",
        status: "OBSERVED",
        observed: { connections: 512_004, bytes: 2_800_000_000, firstSeenDays: 720, lastSeenHours: 0 },
      },
    ],
  },
  {
    surface: "HR records",
    nodes: [
      { key: "hrz", kind: "ZONE", label: "HR zone", x: 300, y: -20, width: 560, height: 400 },
      { key: "hrstaff", kind: "USER_GROUP", label: "HR staff", x: 0, y: 80, labels: { group: "hr" } },
      { key: "portal", kind: "WORKLOAD", label: "HR portal", element: "HR portal", zone: "hrz", x: 40, y: 70 },
      { key: "files", kind: "DATASTORE", label: "Personnel files", element: "Personnel files", zone: "hrz", x: 320, y: 70 },
      {
        key: "payroll",
        kind: "DATASTORE",
        label: "Payroll exports",
        element: "Payroll exports",
        zone: "hrz",
        x: 320,
        y: 260,
        addresses: ["payroll-share.hr.internal"],
      },
      { key: "job", kind: "WORKLOAD", label: "Payroll job", zone: "hrz", x: 40, y: 260, identity: "svc-payroll" },
      { key: "bank", kind: "EXTERNAL", label: "Bank (payroll transfers)", x: 940, y: 260, addresses: ["sftp.bank.example"] },
    ],
    flows: [
      {
        from: "hrstaff",
        to: "portal",
        protocol: "TCP",
        ports: "443",
        app: "HTTPS",
        encryption: "TLS",
        authentication: "MFA",
        status: "PROPOSED",
        why: "HR staff manage personnel records",
      },
      {
        from: "portal",
        to: "files",
        protocol: "TCP",
        ports: "5432",
        app: "PostgreSQL",
        encryption: "TLS",
        authentication: "CERTIFICATE",
        status: "PROPOSED",
        why: "The portal stores personnel files",
      },
      {
        from: "job",
        to: "payroll",
        protocol: "TCP",
        ports: "445",
        app: "SMB",
        encryption: "NONE",
        status: "OBSERVED",
        observed: { connections: 62, bytes: 480_000_000, firstSeenDays: 300, lastSeenHours: 70 },
      },
      {
        from: "job",
        to: "bank",
        protocol: "TCP",
        ports: "443",
        app: "HTTPS",
        encryption: "MTLS",
        authentication: "CERTIFICATE",
        status: "PROPOSED",
        why: "Send payroll transfers to the bank",
      },
    ],
  },
  {
    surface: "Data warehouse",
    nodes: [
      { key: "dwz", kind: "ZONE", label: "Analytics zone", x: 300, y: -20, width: 560, height: 400 },
      { key: "analysts", kind: "USER_GROUP", label: "Analysts", x: 0, y: 60, labels: { group: "analytics" } },
      { key: "sources", kind: "WORKLOAD", label: "Source systems", x: 0, y: 270, labels: { feeds: "crm,erp,web" } },
      { key: "etl", kind: "SERVICE", label: "ETL pipeline", element: "ETL pipeline", zone: "dwz", x: 40, y: 260, identity: "svc-etl" },
      {
        key: "tables",
        kind: "DATASTORE",
        label: "Warehouse tables",
        element: "Warehouse tables",
        zone: "dwz",
        x: 320,
        y: 160,
        addresses: ["dw.analytics.internal"],
      },
      { key: "bi", kind: "WORKLOAD", label: "BI dashboards", zone: "dwz", x: 40, y: 60 },
    ],
    flows: [
      {
        from: "etl",
        to: "tables",
        protocol: "TCP",
        ports: "5439",
        app: "PostgreSQL wire",
        encryption: "TLS",
        authentication: "TOKEN",
        status: "APPROVED",
      },
      {
        from: "analysts",
        to: "bi",
        protocol: "TCP",
        ports: "443",
        app: "HTTPS",
        encryption: "TLS",
        authentication: "MFA",
        status: "APPROVED",
        why: "Analysts read dashboards",
      },
      {
        from: "bi",
        to: "tables",
        protocol: "TCP",
        ports: "5439",
        app: "PostgreSQL wire",
        encryption: "TLS",
        authentication: "TOKEN",
        status: "APPROVED",
        why: "Dashboards query the warehouse",
      },
      {
        from: "sources",
        to: "etl",
        protocol: "TCP",
        ports: "443",
        app: "HTTPS",
        encryption: "TLS",
        authentication: "TOKEN",
        status: "OBSERVED",
        observed: { connections: 8_700, bytes: 96_000_000_000, firstSeenDays: 500, lastSeenHours: 5 },
      },
      {
        from: "analysts",
        to: "tables",
        protocol: "TCP",
        ports: "5439",
        encryption: "NONE",
        status: "DENIED",
        why: "Analysts go through the BI layer, never straight to the tables",
      },
    ],
  },
  {
    surface: "Trading platform",
    nodes: [
      { key: "floor", kind: "ZONE", label: "Trading floor", x: 0, y: 0, width: 280, height: 260 },
      { key: "desks", kind: "DEVICE", label: "Trader workstations", element: "Trader workstations", zone: "floor", x: 48, y: 100 },
      { key: "core", kind: "ZONE", label: "Trading core", x: 360, y: 0, width: 520, height: 260 },
      {
        key: "oms",
        kind: "WORKLOAD",
        label: "Order management system",
        element: "Order management system",
        zone: "core",
        x: 40,
        y: 100,
        identity: "spiffe://concord.example/trading/oms",
      },
      { key: "feed", kind: "SERVICE", label: "Market data feed", element: "Market data feed", zone: "core", x: 300, y: 100 },
      { key: "exchange", kind: "EXTERNAL", label: "Exchange gateway", x: 960, y: 100, addresses: ["fix.exchange.example"] },
      { key: "monitor", kind: "WORKLOAD", label: "Network monitoring", x: 400, y: 340 },
    ],
    flows: [
      {
        from: "desks",
        to: "oms",
        protocol: "TCP",
        ports: "9000-9010",
        app: "FIX",
        encryption: "TLS",
        authentication: "CERTIFICATE",
        status: "PROPOSED",
        why: "Traders submit orders",
      },
      {
        from: "feed",
        to: "desks",
        protocol: "UDP",
        ports: "30001-30100",
        app: "Multicast market data",
        encryption: "NONE",
        status: "PROPOSED",
        why: "Latency-critical multicast; the link layer is encrypted (MACsec)",
      },
      {
        from: "oms",
        to: "exchange",
        protocol: "TCP",
        ports: "9876",
        app: "FIX 4.4",
        encryption: "TLS",
        authentication: "CERTIFICATE",
        status: "PROPOSED",
        why: "Route orders to the exchange",
      },
      {
        from: "exchange",
        to: "feed",
        protocol: "UDP",
        ports: "31000",
        app: "Market data",
        encryption: "NONE",
        status: "OBSERVED",
        observed: { connections: 1, bytes: 880_000_000_000, firstSeenDays: 900, lastSeenHours: 0 },
      },
      {
        from: "monitor",
        to: "oms",
        protocol: "ICMP",
        ports: "",
        encryption: "NONE",
        status: "PROPOSED",
        why: "Reachability checks from the monitoring platform",
      },
    ],
  },
];

export async function seedMaps({ users }: TSeedContext): Promise<void> {
  const context = systemContext("seed");
  const now = Date.now();
  for (const demo of DEMO_MAPS) {
    const surface = await db.protectSurface.findFirst({
      where: { name: demo.surface },
      select: {
        id: true,
        status: true,
        elements: { select: { id: true, name: true } },
        statements: { select: { id: true }, orderBy: { createdAt: "asc" } },
        flowMap: { select: { version: true } },
      },
    });
    if (!surface || (surface.flowMap && surface.flowMap.version > 0)) continue;
    const ids = new Map(demo.nodes.map((node) => [node.key, crypto.randomUUID()]));
    const operations: TMapOperation[] = [
      ...demo.nodes.map((node): TMapOperation => ({
        op: "createNode",
        node: {
          id: ids.get(node.key)!,
          kind: node.kind,
          label: node.label,
          identity: node.identity ?? "",
          labels: node.labels ?? {},
          addresses: node.addresses ?? [],
          zoneId: node.zone ? ids.get(node.zone)! : null,
          environment: node.environment ?? "production",
          notes: node.notes ?? "",
          daasElementId: node.element ? (surface.elements.find((element) => element.name === node.element)?.id ?? null) : null,
          x: node.x,
          y: node.y,
          width: node.width ?? null,
          height: node.height ?? null,
        },
      })),
      ...demo.flows.map((flow): TMapOperation => ({
        op: "createEdge",
        edge: {
          sourceId: ids.get(flow.from)!,
          targetId: ids.get(flow.to)!,
          protocol: flow.protocol,
          ports: flow.ports,
          appProtocol: flow.app ?? "",
          principal: flow.principal ?? "",
          httpMethod: "",
          httpPath: "",
          encryption: flow.encryption,
          authentication: flow.authentication ?? "NONE",
          status: flow.status,
          justification: flow.why ?? "",
          ownerId: flow.owner ? (users[flow.owner] ?? null) : null,
          statementId: flow.statement !== undefined ? (surface.statements[flow.statement]?.id ?? null) : null,
          connections: flow.observed?.connections ?? null,
          bytes: flow.observed?.bytes ?? null,
          firstSeen: flow.observed ? new Date(now - flow.observed.firstSeenDays * 86_400_000).toISOString() : null,
          lastSeen: flow.observed ? new Date(now - flow.observed.lastSeenHours * 3_600_000).toISOString() : null,
        },
      })),
    ];
    // The owners' agreement approved the flows drawn on an agreed surface; elsewhere APPROVED is refused.
    await db.$transaction(
      (tx) =>
        writeMapOperations(tx, {
          context,
          surfaceId: surface.id,
          operations,
          reason: "import",
          reopenAgreed: false,
          jointApproval: surface.status === "AGREED",
        }),
      { timeout: 60_000 },
    );
  }
}
