import type { TSurfaceSpec } from "./records";

/**
 * Each test's own agreed surfaces (their flows APPROVED), classified by their elements. The change
 * policy the tests meet (rules and templates) is the seeded one: both teams' standing configuration.
 */
export const PAYMENTS: TSurfaceSpec = {
  agreed: true,
  elements: [
    { type: "SERVICE", name: "Tokenisation service", classification: "RESTRICTED" },
    { type: "DATA", name: "Cardholder database", classification: "RESTRICTED" },
  ],
  nodes: [
    { key: "pci", kind: "ZONE", label: "Payments zone (PCI)", x: 340, y: -40, width: 760, height: 500 },
    { key: "gateway", kind: "EXTERNAL", label: "Partner gateway", x: 0, y: 300 },
    { key: "token", kind: "SERVICE", label: "Tokenisation service", zone: "pci", element: "Tokenisation service", x: 320, y: 80 },
    { key: "chd", kind: "DATASTORE", label: "Cardholder database", zone: "pci", element: "Cardholder database", x: 320, y: 300 },
    { key: "fraud", kind: "WORKLOAD", label: "Fraud scoring", x: 1180, y: 320 },
  ],
  flows: [
    {
      from: "token",
      to: "chd",
      protocol: "TCP",
      ports: "5432",
      encryption: "TLS",
      authentication: "CERTIFICATE",
      justification: "Vault tokens",
    },
  ],
};
export const WAREHOUSE: TSurfaceSpec = {
  agreed: true,
  elements: [{ type: "DATA", name: "Warehouse tables", classification: "CONFIDENTIAL" }],
  nodes: [
    { key: "analysts", kind: "USER_GROUP", label: "BI analysts", x: 0, y: 60 },
    // Off the analysts' row: a level flow's box has no height, and Playwright takes it for hidden.
    { key: "tables", kind: "DATASTORE", label: "Warehouse tables", element: "Warehouse tables", x: 360, y: 200 },
  ],
  flows: [
    {
      from: "analysts",
      to: "tables",
      protocol: "TCP",
      ports: "443,8080",
      appProtocol: "https",
      encryption: "TLS",
      authentication: "MFA",
      justification: "Dashboards",
    },
  ],
};
export const WIKI: TSurfaceSpec = {
  agreed: true,
  elements: [{ type: "SERVICE", name: "Wiki", classification: "INTERNAL" }],
  nodes: [
    { key: "employees", kind: "USER_GROUP", label: "Employees", x: 0, y: 60 },
    { key: "wiki", kind: "SERVICE", label: "Wiki", element: "Wiki", x: 360, y: 200 },
  ],
  flows: [
    {
      from: "employees",
      to: "wiki",
      protocol: "TCP",
      ports: "80,443",
      appProtocol: "https",
      encryption: "TLS",
      authentication: "MFA",
      justification: "Read the wiki",
    },
  ],
};
