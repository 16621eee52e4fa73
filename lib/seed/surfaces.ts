import { db, type Classification, type Criticality, type DaasType, type SurfaceStatus } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { systemContext } from "@/lib/auth/actor";
import { effectiveClassification, hashSurfaceContent, surfaceContentOf } from "@/lib/surfaces/content";
import type { TSeedContext } from "./context";

type TDemoSurface = {
  name: string;
  purpose: string;
  criticality: Criticality;
  environment: string;
  businessOwner: string;
  owners: { netops: string; secops: string };
  tags: string[];
  status: SurfaceStatus;
  /** Users (seed keys) who signed off the current version. */
  signedBy: string[];
  elements: Array<{ type: DaasType; name: string; description: string; classification: Classification }>;
  statements?: Array<{ who: string; what: string; when: string; where: string; why: string; how: string }>;
  /** Workshop material: open questions (optionally on an element, by name), decisions, delegates. */
  comments?: Array<{ author: string; body: string; element?: string; resolvedBy?: string }>;
  decisions?: Array<{ by: string; text: string }>;
  delegates?: Array<{ user: string; grantedBy: string }>;
};

/** The demo organization's protect surfaces; other seeders find them by name. */
export const DEMO_SURFACES: TDemoSurface[] = [
  {
    name: "Card payments",
    purpose: "Authorise and settle card payments; the cardholder data environment (PCI DSS scope).",
    criticality: "CRITICAL",
    environment: "production",
    businessOwner: "Head of Payments",
    owners: { netops: "netopsLead", secops: "secopsLead" },
    tags: ["pci", "payments"],
    status: "AGREED",
    signedBy: ["netopsLead", "secopsLead"],
    elements: [
      { type: "DATA", name: "Cardholder database", description: "PAN vault (PostgreSQL cluster)", classification: "RESTRICTED" },
      { type: "APPLICATION", name: "Payment API", description: "Public-facing authorisation API", classification: "CONFIDENTIAL" },
      { type: "SERVICE", name: "Tokenisation service", description: "Replaces PANs with tokens", classification: "RESTRICTED" },
      { type: "ASSET", name: "HSM cluster", description: "Key custody for card data", classification: "RESTRICTED" },
    ],
    statements: [
      {
        who: "payment-api service account",
        what: "tokenisation service",
        when: "always",
        where: "payments zone",
        why: "authorise card payments",
        how: "mTLS on 8443, SPIFFE identity",
      },
      {
        who: "settlement batch",
        what: "cardholder database (read)",
        when: "nightly 01:00–03:00",
        where: "payments zone",
        why: "daily settlement files",
        how: "TLS on 5432, certificate auth",
      },
    ],
  },
  {
    name: "Workforce identity",
    purpose: "Single sign-on, MFA and the employee directory every other surface trusts.",
    criticality: "CRITICAL",
    environment: "production",
    businessOwner: "CIO office",
    owners: { netops: "netops2", secops: "secopsLead" },
    tags: ["identity", "sso"],
    status: "AGREED",
    signedBy: ["netops2", "secopsLead"],
    elements: [
      { type: "DATA", name: "Employee directory", description: "LDAP and HR-synchronised attributes", classification: "CONFIDENTIAL" },
      {
        type: "SERVICE",
        name: "SSO / OIDC provider",
        description: "Issues tokens to every internal application",
        classification: "CONFIDENTIAL",
      },
      { type: "SERVICE", name: "MFA service", description: "Push and FIDO2 second factors", classification: "CONFIDENTIAL" },
    ],
    statements: [
      {
        who: "all employees",
        what: "SSO login page",
        when: "always",
        where: "any network",
        why: "sign in to internal apps",
        how: "HTTPS with FIDO2 or push MFA",
      },
    ],
  },
  {
    name: "HR records",
    purpose: "Personnel files, payroll and performance reviews.",
    criticality: "HIGH",
    environment: "production",
    businessOwner: "HR director",
    owners: { netops: "netops3", secops: "secops2" },
    tags: ["pii", "hr"],
    status: "IN_REVIEW",
    signedBy: ["secops2"],
    comments: [
      {
        author: "secops2",
        body: "@lena.fischer does the HR portal reach the payroll exports directly, or through the SFTP gateway?",
        element: "Payroll exports",
      },
      {
        author: "netops3",
        body: "Performance reviews live in the HR portal only; no copies on file shares.",
        element: "Personnel files",
        resolvedBy: "secops2",
      },
    ],
    decisions: [{ by: "secops2", text: "Payroll exports are Restricted: only the bank transfer job may read them." }],
    elements: [
      { type: "DATA", name: "Personnel files", description: "Contracts, reviews, disciplinary records", classification: "CONFIDENTIAL" },
      { type: "APPLICATION", name: "HR portal", description: "SaaS HR suite with SSO", classification: "CONFIDENTIAL" },
      { type: "DATA", name: "Payroll exports", description: "Monthly bank transfer files", classification: "RESTRICTED" },
    ],
  },
  {
    name: "Trading platform",
    purpose: "Order entry, matching and market-data for the treasury desk.",
    criticality: "CRITICAL",
    environment: "production",
    businessOwner: "Treasury",
    owners: { netops: "netopsLead", secops: "secops3" },
    tags: ["trading", "low-latency"],
    status: "IN_REVIEW",
    signedBy: [],
    delegates: [{ user: "secopsLead", grantedBy: "secops3" }],
    comments: [{ author: "netopsLead", body: "@tom.becker can the market data feed stay multicast inside the trading zone?" }],
    elements: [
      { type: "APPLICATION", name: "Order management system", description: "Routes and tracks orders", classification: "RESTRICTED" },
      { type: "SERVICE", name: "Market data feed", description: "Multicast feed handlers", classification: "CONFIDENTIAL" },
      { type: "ASSET", name: "Trader workstations", description: "Dedicated desk hardware", classification: "CONFIDENTIAL" },
    ],
  },
  {
    name: "Data warehouse",
    purpose: "Analytics store fed from every line of business.",
    criticality: "HIGH",
    environment: "production",
    businessOwner: "Chief Data Officer",
    owners: { netops: "netops2", secops: "secops2" },
    tags: ["analytics", "pii"],
    status: "AGREED",
    signedBy: ["netops2", "secops2"],
    elements: [
      { type: "DATA", name: "Warehouse tables", description: "Customer and transaction facts", classification: "CONFIDENTIAL" },
      { type: "SERVICE", name: "ETL pipeline", description: "Nightly loads from source systems", classification: "INTERNAL" },
    ],
  },
  {
    name: "Build and release pipeline",
    purpose: "Source, CI runners and artefact registry that ship every workload.",
    criticality: "HIGH",
    environment: "shared",
    businessOwner: "VP Engineering",
    owners: { netops: "netops3", secops: "secops3" },
    tags: ["supply-chain", "ci"],
    status: "DRAFT",
    signedBy: [],
    elements: [
      { type: "APPLICATION", name: "Source control", description: "Git hosting with branch protection", classification: "CONFIDENTIAL" },
      { type: "ASSET", name: "CI runners", description: "Ephemeral build machines", classification: "INTERNAL" },
      { type: "DATA", name: "Artefact registry", description: "Signed container images", classification: "CONFIDENTIAL" },
    ],
  },
  {
    name: "Public website",
    purpose: "Marketing site and customer help centre.",
    criticality: "MEDIUM",
    environment: "production",
    businessOwner: "Marketing",
    owners: { netops: "netops2", secops: "secops3" },
    tags: ["internet-facing"],
    status: "AGREED",
    signedBy: ["netops2", "secops3"],
    elements: [
      { type: "APPLICATION", name: "Web CMS", description: "Headless CMS and CDN origin", classification: "PUBLIC" },
      { type: "SERVICE", name: "CDN", description: "Edge caching and WAF", classification: "PUBLIC" },
    ],
  },
  {
    name: "Internal wiki",
    purpose: "Runbooks and team documentation.",
    criticality: "LOW",
    environment: "production",
    businessOwner: "IT operations",
    owners: { netops: "netops3", secops: "secops2" },
    tags: ["collaboration"],
    status: "DRAFT",
    signedBy: [],
    elements: [{ type: "APPLICATION", name: "Wiki", description: "Self-hosted wiki with SSO", classification: "INTERNAL" }],
  },
];

export async function seedSurfaces({ users }: TSeedContext): Promise<void> {
  const context = systemContext("seed");
  const teams = new Map(
    (await db.user.findMany({ where: { id: { in: Object.values(users) } }, select: { id: true, team: true } })).map((u) => [u.id, u.team]),
  );
  for (const demo of DEMO_SURFACES) {
    if (await db.protectSurface.findFirst({ where: { name: demo.name }, select: { id: true } })) continue;
    await db.$transaction(async (tx) => {
      const netopsOwnerId = users[demo.owners.netops]!;
      const secopsOwnerId = users[demo.owners.secops]!;
      const elements = demo.elements.map((element, position) => ({ ...element, position }));
      const classification = effectiveClassification(elements, null);
      const content = surfaceContentOf({
        ...demo,
        classification,
        classificationOverride: null,
        netopsOwnerId,
        secopsOwnerId,
        notes: "",
        elements,
      });
      const contentHash = hashSurfaceContent(content);
      const agreedAt = demo.status === "AGREED" ? new Date() : null;
      const surface = await tx.protectSurface.create({
        data: {
          name: demo.name,
          purpose: demo.purpose,
          classification,
          criticality: demo.criticality,
          environment: demo.environment,
          businessOwner: demo.businessOwner,
          netopsOwnerId,
          secopsOwnerId,
          tags: demo.tags,
          status: demo.status,
          contentHash,
          createdById: netopsOwnerId,
          agreedAt,
          elements: { create: elements },
          statements: demo.statements ? { create: demo.statements } : undefined,
        },
      });
      await tx.surfaceVersion.create({
        data: { surfaceId: surface.id, version: 1, snapshot: content, contentHash, authorId: netopsOwnerId, agreedAt },
      });
      for (const key of demo.signedBy) {
        const userId = users[key]!;
        await tx.surfaceSignOff.create({ data: { surfaceId: surface.id, version: 1, contentHash, userId, team: teams.get(userId)! } });
      }
      const elementIds = new Map(
        (await tx.daasElement.findMany({ where: { surfaceId: surface.id }, select: { id: true, name: true } })).map((e) => [e.name, e.id]),
      );
      const emails = new Map(
        (await tx.user.findMany({ where: { id: { in: Object.values(users) } }, select: { id: true, email: true } })).map((u) => [
          u.email.split("@")[0]!,
          u.id,
        ]),
      );
      for (const comment of demo.comments ?? []) {
        const mentions = [...comment.body.matchAll(/@([a-z.]+[a-z])/g)]
          .map((match) => emails.get(match[1]!))
          .filter((id): id is string => Boolean(id));
        const resolvedById = comment.resolvedBy ? users[comment.resolvedBy]! : null;
        await tx.comment.create({
          data: {
            surfaceId: surface.id,
            elementId: comment.element ? elementIds.get(comment.element) : null,
            authorId: users[comment.author]!,
            body: comment.body,
            mentions,
            resolvedById,
            resolvedAt: resolvedById ? new Date() : null,
          },
        });
      }
      for (const decision of demo.decisions ?? [])
        await tx.decision.create({ data: { surfaceId: surface.id, text: decision.text, recordedById: users[decision.by]! } });
      for (const delegate of demo.delegates ?? []) {
        const userId = users[delegate.user]!;
        await tx.surfaceDelegate.create({
          data: { surfaceId: surface.id, userId, team: teams.get(userId)!, grantedById: users[delegate.grantedBy]! },
        });
      }
      await recordAudit(tx, context, {
        action: "surface.create",
        entityType: "ProtectSurface",
        entityId: surface.id,
        after: { ...content, status: demo.status },
      });
    });
  }
}
