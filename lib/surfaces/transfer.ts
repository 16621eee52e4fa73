import "server-only";
import Papa from "papaparse";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import { type TActorContext, requireSignedIn } from "@/lib/auth/actor";
import { ValidationError, type TFieldError } from "@/lib/errors";
import { insertSurface, surfaceOrderBy, surfaceWhere } from "./service";
import { ZSurfaceRecord, type TExportQuery, type TSurfaceRecord } from "./schemas";
import { TEAM_LABELS } from "@/lib/ui/labels";

/** Export follows the list's filters; a cap keeps one request bounded. */
export const MAX_EXPORT = 10_000;

export async function exportSurfaces(context: TActorContext, query: TExportQuery): Promise<TSurfaceRecord[] | string> {
  assertCan(context.actor, "surface.read");
  const rows = await db.protectSurface.findMany({
    where: surfaceWhere(context.actor, query),
    orderBy: surfaceOrderBy(query),
    take: MAX_EXPORT,
    include: {
      elements: { orderBy: { position: "asc" } },
      netopsOwner: { select: { email: true } },
      secopsOwner: { select: { email: true } },
    },
  });
  if (query.format === "csv") {
    return Papa.unparse(
      rows.map((row) => ({
        name: row.name,
        status: row.status,
        version: row.version,
        classification: row.classification,
        criticality: row.criticality,
        environment: row.environment,
        businessOwner: row.businessOwner,
        netopsOwner: row.netopsOwner?.email ?? "",
        secopsOwner: row.secopsOwner?.email ?? "",
        tags: row.tags.join(";"),
        elements: row.elements.map((element) => `${element.type}:${element.name}`).join(";"),
        purpose: row.purpose,
        updatedAt: row.updatedAt.toISOString(),
      })),
    );
  }
  return rows.map((row) => ({
    name: row.name,
    purpose: row.purpose,
    criticality: row.criticality,
    environment: row.environment,
    businessOwner: row.businessOwner,
    classificationOverride: row.classificationOverride,
    netopsOwnerEmail: row.netopsOwner?.email ?? null,
    secopsOwnerEmail: row.secopsOwner?.email ?? null,
    tags: row.tags,
    notes: row.notes,
    elements: row.elements.map(({ type, name, description, classification }) => ({ type, name, description, classification })),
  }));
}

/**
 * Imports surfaces (as drafts) from the JSON export format. Every record is checked first and every
 * error is reported as `surfaces.<record>.<field>`; when any record is invalid nothing is imported.
 */
export async function importSurfaces(context: TActorContext, records: unknown[]): Promise<{ imported: number; ids: string[] }> {
  assertCan(context.actor, "surface.write");
  const actor = requireSignedIn(context);
  const errors: TFieldError[] = [];
  const parsed: Array<{ index: number; record: TSurfaceRecord }> = [];
  records.forEach((raw, index) => {
    const result = ZSurfaceRecord.safeParse(raw);
    if (result.success) parsed.push({ index, record: result.data });
    else
      for (const issue of result.error.issues) errors.push({ path: ["surfaces", index, ...issue.path].join("."), message: issue.message });
  });
  const emails = [
    ...new Set(
      parsed.flatMap(({ record }) => [record.netopsOwnerEmail, record.secopsOwnerEmail]).filter((email): email is string => Boolean(email)),
    ),
  ];
  const users = new Map(
    (
      await db.user.findMany({
        where: { email: { in: emails.map((email) => email.toLowerCase()) }, status: "ACTIVE" },
        select: { id: true, email: true, team: true },
      })
    ).map((user) => [user.email, user]),
  );
  const names = new Map<string, number>();
  const ready = parsed.map(({ index, record }) => {
    const owner = (field: "netopsOwnerEmail" | "secopsOwnerEmail", team: "NETOPS" | "SECOPS") => {
      const email = record[field];
      if (!email) return null;
      const user = users.get(email.toLowerCase());
      if (!user) errors.push({ path: `surfaces.${index}.${field}`, message: "is not an active user" });
      else if (user.team !== team) errors.push({ path: `surfaces.${index}.${field}`, message: `must be a member of ${TEAM_LABELS[team]}` });
      return user?.id ?? null;
    };
    const key = record.name.toLowerCase();
    if (names.has(key)) errors.push({ path: `surfaces.${index}.name`, message: `repeats the name of record ${names.get(key)}` });
    names.set(key, index);
    const { netopsOwnerEmail: _netops, secopsOwnerEmail: _secops, ...fields } = record;
    return { ...fields, netopsOwnerId: owner("netopsOwnerEmail", "NETOPS"), secopsOwnerId: owner("secopsOwnerEmail", "SECOPS") };
  });
  if (errors.length > 0)
    throw new ValidationError(errors, `The import has ${errors.length} error${errors.length === 1 ? "" : "s"}; nothing was imported.`);
  const ids = await db.$transaction(
    async (tx) => {
      const created: string[] = [];
      for (const input of ready) created.push(await insertSurface(tx, context, input, actor.id));
      return created;
    },
    { timeout: 120_000 },
  );
  return { imported: ids.length, ids };
}
