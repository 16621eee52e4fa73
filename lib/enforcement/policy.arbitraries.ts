/** Generators of protect-surface maps for the policy properties: every node kind, label sets, address kinds, port shapes. */
import fc from "fast-check";
import type { TPolicyFlow, TPolicyNode, TPolicySurface } from "./model";

const NODE_KINDS = ["USER_GROUP", "DEVICE", "WORKLOAD", "SERVICE", "DATASTORE", "EXTERNAL", "ZONE"] as const;
const labelValue = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((parts) => parts.join("."));
const address = fc.oneof(
  ipv4,
  fc.tuple(ipv4, fc.integer({ min: 8, max: 32 })).map(([ip, bits]) => `${ip}/${bits}`),
  fc.constantFrom("2001:db8::/32", "2001:db8:1::5", "fd00::/8"),
  fc.constantFrom("db.internal", "api.partner.example", "*.cdn.example"),
);
const portExpression = fc.oneof(
  fc.constant(""),
  fc.integer({ min: 1, max: 65_535 }).map(String),
  fc.tuple(fc.integer({ min: 1, max: 60_000 }), fc.integer({ min: 0, max: 200 })).map(([from, width]) => `${from}-${from + width}`),
  fc.uniqueArray(fc.integer({ min: 1, max: 65_535 }), { minLength: 1, maxLength: 50 }).map((ports) => ports.join(",")),
);

export const surfaceArbitrary: fc.Arbitrary<TPolicySurface> = fc
  .array(
    fc.record({
      kind: fc.constantFrom(...NODE_KINDS),
      label: fc.string({ minLength: 1, maxLength: 30 }),
      identity: fc.oneof(fc.constant(""), fc.constant("sg-0123456789abcdef0"), fc.constant("spiffe://x/y")),
      labels: fc.dictionary(fc.constantFrom("app", "tier", "namespace", "team"), labelValue, { maxKeys: 3 }),
      addresses: fc.array(address, { maxLength: 3 }),
      protected: fc.boolean(),
    }),
    { minLength: 1, maxLength: 8 },
  )
  .chain((nodeFields) => {
    const nodes: TPolicyNode[] = nodeFields.map((fields, index) => ({
      id: `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`,
      ...fields,
    }));
    const flow = fc.record({
      source: fc.nat(nodes.length - 1),
      target: fc.nat(nodes.length - 1),
      protocol: fc.constantFrom("TCP", "UDP", "ICMP", "ANY" as const),
      ports: portExpression,
      principal: fc.oneof(fc.constant(""), fc.constant("cluster.local/ns/a/sa/b")),
      http: fc.oneof(
        fc.constant({ method: "", path: "" }),
        fc.record({
          method: fc.constantFrom("", "GET", "POST", "DELETE"),
          path: fc.constantFrom("", "/", "/api/v1/payments/.*", "/health", "/v1/cards/[0-9]+"),
        }),
      ),
      status: fc.constantFrom("APPROVED", "APPROVED", "PROPOSED", "DENIED", "OBSERVED" as const),
      approval: fc.oneof(
        fc.constant(null),
        fc.record({ kind: fc.constant("change" as const), changeId: fc.uuid(), changeNumber: fc.nat(9999) }),
      ),
    });
    return fc.array(flow, { maxLength: 12 }).map((flows) => ({
      id: "00000000-0000-4000-8000-00000000abcd",
      name: "Generated surface",
      nodes,
      flows: flows.map((fields, index): TPolicyFlow => ({
        id: `00000000-0000-4000-9000-${String(index).padStart(12, "0")}`,
        sourceId: nodes[fields.source]!.id,
        targetId: nodes[fields.target]!.id,
        protocol: fields.protocol,
        ports: fields.protocol === "ICMP" ? "" : fields.ports,
        appProtocol: "",
        principal: fields.principal,
        httpMethod: fields.http.method,
        httpPath: fields.http.path,
        status: fields.status,
        approval: fields.approval,
      })),
    }));
  });
