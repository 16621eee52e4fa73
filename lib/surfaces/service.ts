import "server-only";
import { db, Prisma, type TTx, type Team } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { enqueueEvent } from "@/lib/outbox/enqueue";
import { assertCan, can } from "@/lib/auth/permissions";
import { type TActor, type TActorContext, requireSignedIn } from "@/lib/auth/actor";
import { assertPersonDeciding } from "@/lib/auth/decisions";
import { ConflictError, NotFoundError, RuleViolationError, UniqueNameError, ValidationError, type TFieldError } from "@/lib/errors";
import { approveAgreedFlows } from "@/lib/maps/agreement";
import { mapElementsAdded, mapElementsLeaving } from "@/lib/maps/elements";
import { effectiveClassification, hashSurfaceContent, surfaceContentOf, type TSurfaceContent } from "./content";
import {
  type TLifecycleSignOff,
  activeSignOffs,
  afterEdit,
  canSubmit,
  canWithdraw,
  checkOwnerTeams,
  isAgreed,
  ownersKept,
  signOffTeamFor,
  teamsWaitedOn,
} from "./lifecycle";
import { assertOwnerChangeAllowed, recordOwnerChanges, settleSignOffAuthority } from "./ownership";
import { standingGrants } from "./authority";
import { notifySignOffsNeeded } from "./signoff-notify";
import type {
  TCreateSurface,
  TPerson,
  TSignOff,
  TSurface,
  TSurfaceAbilities,
  TSurfaceListQuery,
  TSurfacePage,
  TSurfaceSummary,
  TSurfaceVersion,
  TUpdateSurface,
} from "./schemas";

export const personSelect = { id: true, name: true, email: true, team: true } as const;

const activeSignOffWhere = { voidedAt: null, withdrawnAt: null } as const;

const detailInclude = {
  netopsOwner: { select: personSelect },
  secopsOwner: { select: personSelect },
  createdBy: { select: personSelect },
  elements: { orderBy: { position: "asc" } },
  signOffs: { include: { user: { select: personSelect } }, orderBy: { createdAt: "asc" } },
  delegates: { include: { user: { select: personSelect }, grantedBy: { select: personSelect } }, orderBy: { createdAt: "asc" } },
  _count: { select: { elements: true } },
} satisfies Prisma.ProtectSurfaceInclude;

type TDetailRow = Prisma.ProtectSurfaceGetPayload<{ include: typeof detailInclude }>;
type TSummaryRow = Prisma.ProtectSurfaceGetPayload<{ select: typeof listSelect }> & {
  signOffs: TLifecycleSignOff[];
  _count: { elements: number };
};

function toSummary(row: TSummaryRow | TDetailRow): TSurfaceSummary {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    classification: row.classification,
    criticality: row.criticality,
    environment: row.environment,
    tags: row.tags,
    version: row.version,
    netopsOwner: row.netopsOwner,
    secopsOwner: row.secopsOwner,
    elementCount: row._count.elements,
    waitingOn: teamsWaitedOn(row, row.signOffs),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toSignOff(row: TDetailRow["signOffs"][number]): TSignOff {
  return {
    id: row.id,
    version: row.version,
    contentHash: row.contentHash,
    team: row.team,
    user: row.user,
    createdAt: row.createdAt.toISOString(),
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
    voidedAt: row.voidedAt?.toISOString() ?? null,
  };
}

function abilitiesOf(actor: TActor | null, row: TDetailRow): TSurfaceAbilities {
  const contributor = can(actor, "surface.write");
  const signOff = actor ? signOffTeamFor(actor, row, row.signOffs, row.delegates) : null;
  const ownsTeam = Boolean(actor && (row.netopsOwnerId === actor.id || row.secopsOwnerId === actor.id));
  return {
    edit: contributor,
    submit: contributor && canSubmit(row).ok,
    signOff: Boolean(signOff?.ok),
    signOffReason: signOff && !signOff.ok ? signOff.reason : actor ? null : "Sign in to sign off.",
    withdraw: Boolean(actor && can(actor, "surface.signoff") && canWithdraw(actor, row, row.signOffs).ok),
    comment: can(actor, "surface.comment"),
    delegate: contributor && ownsTeam,
    replaceOwner: Boolean(actor && ((contributor && ownsTeam) || actor.roles.includes("ADMIN"))),
    delete: can(actor, "surface.delete"),
  };
}

export function toSurface(actor: TActor | null, row: TDetailRow): TSurface {
  return {
    ...toSummary(row),
    purpose: row.purpose,
    businessOwner: row.businessOwner,
    classificationOverride: row.classificationOverride,
    notes: row.notes,
    contentHash: row.contentHash,
    elements: row.elements.map(({ id, type, name, description, classification, position }) => ({
      id,
      type,
      name,
      description,
      classification,
      position,
    })),
    signOffs: row.signOffs.map(toSignOff),
    delegates: row.delegates.map((delegate) => ({
      id: delegate.id,
      team: delegate.team,
      user: delegate.user,
      grantedBy: delegate.grantedBy,
      createdAt: delegate.createdAt.toISOString(),
    })),
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    agreedAt: row.agreedAt?.toISOString() ?? null,
    abilities: abilitiesOf(actor, row),
  };
}

export async function loadDetail(tx: TTx, id: string): Promise<TDetailRow> {
  const row = await tx.protectSurface.findUnique({ where: { id }, include: detailInclude });
  if (!row) throw new NotFoundError("The protect surface");
  return row;
}

/** Serializes every mutation of one surface (edits, sign-offs) so rule checks see settled state. */
export async function lockSurface(tx: TTx, id: string): Promise<void> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "ProtectSurface" WHERE id = ${id}::uuid FOR UPDATE`;
  if (rows.length === 0) throw new NotFoundError("The protect surface");
}

/** Owners must exist, be active and belong to their team. */
export async function checkOwners(
  tx: TTx,
  input: { netopsOwnerId: string | null; secopsOwnerId: string | null },
  prefix = "",
): Promise<TFieldError[]> {
  const ids = [input.netopsOwnerId, input.secopsOwnerId].filter((id): id is string => Boolean(id));
  const users = new Map(
    (await tx.user.findMany({ where: { id: { in: ids }, status: "ACTIVE" }, select: { id: true, team: true } })).map((u) => [u.id, u]),
  );
  const errors: TFieldError[] = [];
  for (const field of ["netopsOwnerId", "secopsOwnerId"] as const) {
    const id = input[field];
    if (id && !users.has(id)) errors.push({ path: `${prefix}${field}`, message: "is not an active user" });
  }
  const teamErrors = checkOwnerTeams({
    netops: input.netopsOwnerId ? (users.get(input.netopsOwnerId) ?? null) : null,
    secops: input.secopsOwnerId ? (users.get(input.secopsOwnerId) ?? null) : null,
  });
  return [...errors, ...teamErrors.map((error) => ({ path: `${prefix}${error.path}`, message: error.message }))];
}

function contentOf(input: TCreateSurface): TSurfaceContent {
  const elements = input.elements.map((element, position) => ({ ...element, position }));
  return surfaceContentOf({
    name: input.name,
    purpose: input.purpose,
    classification: effectiveClassification(elements, input.classificationOverride),
    classificationOverride: input.classificationOverride,
    criticality: input.criticality,
    environment: input.environment,
    businessOwner: input.businessOwner,
    netopsOwnerId: input.netopsOwnerId,
    secopsOwnerId: input.secopsOwnerId,
    tags: input.tags,
    notes: input.notes,
    elements,
  });
}

/** The surface's own columns: its content without the elements, which live in their own table. */
function surfaceColumns(content: TSurfaceContent) {
  const { elements: _elements, ...columns } = content;
  return columns;
}

/** Writes a new surface inside the caller's transaction (create and import share it). */
/** Surface names are unique whatever their case (a unique index on lower(name) backs this up). */
async function assertSurfaceNameFree(tx: TTx, name: string, exceptId?: string): Promise<void> {
  const clash = await tx.protectSurface.findFirst({
    where: { name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { name: true },
  });
  if (clash) throw new UniqueNameError("name", `A protect surface is already called "${clash.name}": choose another name.`);
}

export async function insertSurface(tx: TTx, context: TActorContext, input: TCreateSurface, authorId: string): Promise<string> {
  await assertSurfaceNameFree(tx, input.name);
  const content = contentOf(input);
  const contentHash = hashSurfaceContent(content);
  const surface = await tx.protectSurface.create({
    data: {
      ...surfaceColumns(content),
      contentHash,
      createdById: authorId,
      elements: {
        create: input.elements.map(({ type, name, description, classification }, position) => ({
          type,
          name,
          description,
          classification,
          position,
        })),
      },
    },
  });
  await tx.surfaceVersion.create({ data: { surfaceId: surface.id, version: 1, snapshot: content, contentHash, authorId } });
  await recordAudit(tx, context, {
    action: "surface.create",
    entityType: "ProtectSurface",
    entityId: surface.id,
    after: { ...content, status: "DRAFT", version: 1 },
  });
  return surface.id;
}

export async function createSurface(context: TActorContext, input: TCreateSurface): Promise<TSurface> {
  assertCan(context.actor, "surface.write");
  const actor = requireSignedIn(context);
  return db.$transaction(async (tx) => {
    const errors = await checkOwners(tx, input);
    if (errors.length > 0) throw new ValidationError(errors);
    const id = await insertSurface(tx, context, input, actor.id);
    return toSurface(actor, await loadDetail(tx, id));
  });
}

export async function getSurface(context: TActorContext, id: string): Promise<TSurface> {
  assertCan(context.actor, "surface.read");
  return toSurface(context.actor, await loadDetail(db, id));
}

/** The filters of the list (and of the export), all on indexed columns or small relations. */
export function surfaceWhere(
  actor: TActor | null,
  query: Omit<TSurfaceListQuery, "page" | "pageSize" | "sort" | "order">,
): Prisma.ProtectSurfaceWhereInput {
  const and: Prisma.ProtectSurfaceWhereInput[] = [];
  if (query.q) {
    and.push({
      OR: [
        { name: { contains: query.q, mode: "insensitive" } },
        { purpose: { contains: query.q, mode: "insensitive" } },
        { tags: { has: query.q.toLowerCase() } },
      ],
    });
  }
  if (query.waiting === "true") {
    const team = actor?.team;
    // Only NetOps and SecOps sign off; for anyone else nothing is waiting on their team.
    if (team !== "NETOPS" && team !== "SECOPS") and.push({ id: { in: [] } });
    else and.push({ status: "IN_REVIEW", signOffs: { none: { team, ...activeSignOffWhere } } });
  }
  return {
    status: query.status,
    classification: query.classification,
    criticality: query.criticality,
    netopsOwnerId: query.netopsOwnerId,
    secopsOwnerId: query.secopsOwnerId,
    tags: query.tag ? { has: query.tag } : undefined,
    AND: and.length > 0 ? and : undefined,
  };
}

export function surfaceOrderBy(query: Pick<TSurfaceListQuery, "sort" | "order">): Prisma.ProtectSurfaceOrderByWithRelationInput[] {
  return [{ [query.sort]: query.order }, { id: "asc" }];
}

const listSelect = {
  id: true,
  name: true,
  status: true,
  classification: true,
  criticality: true,
  environment: true,
  tags: true,
  version: true,
  contentHash: true,
  netopsOwnerId: true,
  secopsOwnerId: true,
  updatedAt: true,
  netopsOwner: { select: personSelect },
  secopsOwner: { select: personSelect },
} satisfies Prisma.ProtectSurfaceSelect;

/**
 * A count and a page query, then the page's sign-offs and element counts in one query each: a
 * constant number of queries per page, and no aggregate over every surface's elements.
 */
export async function listSurfaces(context: TActorContext, query: TSurfaceListQuery): Promise<TSurfacePage> {
  assertCan(context.actor, "surface.read");
  const where = surfaceWhere(context.actor, query);
  const [total, rows] = await Promise.all([
    db.protectSurface.count({ where }),
    db.protectSurface.findMany({
      where,
      select: listSelect,
      orderBy: surfaceOrderBy(query),
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
  ]);
  const ids = rows.map((row) => row.id);
  const [signOffs, elementCounts] = await Promise.all([
    db.surfaceSignOff.findMany({
      where: { surfaceId: { in: ids }, ...activeSignOffWhere },
      select: { surfaceId: true, userId: true, team: true, version: true, contentHash: true, withdrawnAt: true, voidedAt: true },
    }),
    db.daasElement.groupBy({ by: ["surfaceId"], where: { surfaceId: { in: ids } }, _count: { _all: true } }),
  ]);
  const counts = new Map(elementCounts.map((entry) => [entry.surfaceId, entry._count._all]));
  return {
    surfaces: rows.map((row) =>
      toSummary({
        ...row,
        signOffs: signOffs.filter((signOff) => signOff.surfaceId === row.id),
        _count: { elements: counts.get(row.id) ?? 0 },
      }),
    ),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Elements keep their id (and their comments) when the client sends it back. */
async function writeElements(tx: TTx, surfaceId: string, elements: TUpdateSurface["elements"], existingIds: string[]): Promise<void> {
  const kept = new Set(elements.map((element) => element.id).filter((id): id is string => Boolean(id && existingIds.includes(id))));
  await tx.daasElement.deleteMany({ where: { surfaceId, id: { notIn: [...kept] } } });
  for (const [position, element] of elements.entries()) {
    const data = {
      type: element.type,
      name: element.name,
      description: element.description,
      classification: element.classification,
      position,
    };
    if (element.id && kept.has(element.id)) await tx.daasElement.update({ where: { id: element.id }, data });
    else await tx.daasElement.create({ data: { ...data, surfaceId } });
  }
}

/**
 * Saves the content the client edited on top of `input.version`. A stale version is refused
 * with the current state; a real change bumps the version, voids sign-offs and reopens AGREED.
 */
export async function updateSurface(context: TActorContext, id: string, input: TUpdateSurface): Promise<TSurface> {
  assertCan(context.actor, "surface.write");
  const actor = requireSignedIn(context);
  return db.$transaction(async (tx) => {
    await lockSurface(tx, id);
    const current = await loadDetail(tx, id);
    if (current.version !== input.version) {
      throw new ConflictError(
        `Someone else saved this surface while you were editing: you edited version ${input.version}, it is now version ${current.version}.`,
        toSurface(actor, current),
      );
    }
    const unknownElement = input.elements.findIndex(
      (element) => element.id && !current.elements.some((existing) => existing.id === element.id),
    );
    if (unknownElement >= 0)
      throw new ValidationError([{ path: `elements.${unknownElement}.id`, message: "is not an element of this surface" }]);
    const errors = [...ownersKept(current.status, input), ...(await checkOwners(tx, input))];
    if (errors.length > 0) throw new ValidationError(errors);
    assertOwnerChangeAllowed(actor, current, input, "");
    if (input.name.toLowerCase() !== current.name.toLowerCase()) await assertSurfaceNameFree(tx, input.name, id);
    const content = contentOf(input);
    const contentHash = hashSurfaceContent(content);
    const next = afterEdit(current, contentHash);
    if (!next.changed) return toSurface(actor, current);
    const before = surfaceContentOf(current);
    await tx.protectSurface.update({
      where: { id },
      data: {
        ...surfaceColumns(content),
        contentHash,
        status: next.status,
        version: next.version,
        agreedAt: next.status === "AGREED" ? current.agreedAt : null,
      },
    });
    // The map follows the elements through its own write path (lib/maps/elements.ts).
    await mapElementsLeaving(tx, context, id, { previous: current.elements, next: input.elements });
    await writeElements(
      tx,
      id,
      input.elements,
      current.elements.map((element) => element.id),
    );
    await mapElementsAdded(tx, context, id, new Set(current.elements.map((element) => element.id)));
    await tx.surfaceVersion.create({ data: { surfaceId: id, version: next.version, snapshot: content, contentHash, authorId: actor.id } });
    const voided = next.voidSignOffs
      ? (await tx.surfaceSignOff.updateMany({ where: { surfaceId: id, ...activeSignOffWhere }, data: { voidedAt: new Date() } })).count
      : 0;
    if (current.status === "AGREED") await notifySignOffsNeeded(tx, context, id, "reopened", "Its content was edited after agreement");
    else if (voided > 0) await notifySignOffsNeeded(tx, context, id, "edited", "Its content was edited");
    await recordOwnerChanges(tx, context, current, { next: input, reason: "" });
    await recordAudit(tx, context, {
      action: current.status === "AGREED" ? "surface.reopen" : "surface.update",
      entityType: "ProtectSurface",
      entityId: id,
      before: { ...before, status: current.status, version: current.version },
      after: { ...content, status: next.status, version: next.version },
    });
    if (current.status === "AGREED")
      await enqueueEvent(tx, "surface.reopened", {
        surfaceId: id,
        version: next.version,
        reason: "Surface content edited",
        actorId: actor.id,
      });
    return toSurface(actor, await loadDetail(tx, id));
  });
}

export async function submitSurface(context: TActorContext, id: string): Promise<TSurface> {
  assertCan(context.actor, "surface.write");
  const actor = requireSignedIn(context);
  return db.$transaction(async (tx) => {
    await lockSurface(tx, id);
    const current = await loadDetail(tx, id);
    const rule = canSubmit(current);
    if (!rule.ok) throw new RuleViolationError(rule.reason, rule.code);
    await tx.protectSurface.update({ where: { id }, data: { status: "IN_REVIEW" } });
    await recordAudit(tx, context, {
      action: "surface.submit",
      entityType: "ProtectSurface",
      entityId: id,
      before: { status: "DRAFT" },
      after: { status: "IN_REVIEW", version: current.version },
    });
    await notifySignOffsNeeded(tx, context, id, "submitted");
    return toSurface(actor, await loadDetail(tx, id));
  });
}

/** When the earliest sign-off that counts towards agreement was given: flows changed after it were not seen by both. */
function firstCountedSignOffAt(
  surface: { version: number; contentHash: string },
  signOffs: Array<TLifecycleSignOff & { createdAt: Date }>,
): Date {
  return new Date(Math.min(...activeSignOffs(surface, signOffs).map((signOff) => signOff.createdAt.getTime())));
}

/**
 * Signs off the current content for the signer's team; the second team's sign-off agrees it, and
 * the agreement approves the map's proposed flows both signers saw (lib/maps/agreement.ts).
 */
export async function signOffSurface(context: TActorContext, id: string, seenVersion?: number): Promise<TSurface> {
  assertCan(context.actor, "surface.signoff");
  assertPersonDeciding(context, "sign off a protect surface");
  const actor = requireSignedIn(context);
  return db.$transaction(async (tx) => {
    await lockSurface(tx, id);
    const current = await loadDetail(tx, id);
    if (seenVersion !== undefined && seenVersion !== current.version) {
      throw new ConflictError(
        `The surface changed since you reviewed it: you saw version ${seenVersion}, it is now version ${current.version}.`,
        toSurface(actor, current),
      );
    }
    const rule = signOffTeamFor(actor, current, current.signOffs, standingGrants(current, current.delegates));
    if (!rule.ok) throw new RuleViolationError(rule.reason, rule.code);
    const signOff = {
      surfaceId: id,
      version: current.version,
      contentHash: current.contentHash,
      userId: actor.id,
      team: rule.value as Team,
    };
    await tx.surfaceSignOff.create({ data: signOff });
    await recordAudit(tx, context, { action: "surface.signoff", entityType: "ProtectSurface", entityId: id, after: signOff });
    const signOffs = await settleSignOffAuthority(tx, context, id);
    if (isAgreed(current, signOffs)) {
      const agreedAt = new Date();
      await tx.protectSurface.update({ where: { id }, data: { status: "AGREED", agreedAt } });
      await tx.surfaceVersion.update({ where: { surfaceId_version: { surfaceId: id, version: current.version } }, data: { agreedAt } });
      await recordAudit(tx, context, {
        action: "surface.agree",
        entityType: "ProtectSurface",
        entityId: id,
        before: { status: "IN_REVIEW" },
        after: { status: "AGREED", version: current.version, contentHash: current.contentHash },
      });
      await enqueueEvent(tx, "surface.agreed", {
        surfaceId: id,
        version: current.version,
        contentHash: current.contentHash,
        actorId: actor.id,
      });
      await approveAgreedFlows(tx, context, id, firstCountedSignOffAt(current, signOffs));
    } else {
      await notifySignOffsNeeded(tx, context, id, "signed", `${actor.name} (${signOff.team === "NETOPS" ? "NetOps" : "SecOps"})`);
    }
    return toSurface(actor, await loadDetail(tx, id));
  });
}

export async function withdrawSignOff(context: TActorContext, id: string): Promise<TSurface> {
  assertCan(context.actor, "surface.signoff");
  const actor = requireSignedIn(context);
  return db.$transaction(async (tx) => {
    await lockSurface(tx, id);
    const current = await loadDetail(tx, id);
    const rule = canWithdraw(actor, current, current.signOffs);
    if (!rule.ok) throw new RuleViolationError(rule.reason, rule.code);
    const { count } = await tx.surfaceSignOff.updateMany({
      where: { surfaceId: id, userId: actor.id, version: current.version, ...activeSignOffWhere },
      data: { withdrawnAt: new Date() },
    });
    await recordAudit(tx, context, {
      action: "surface.signoff.withdraw",
      entityType: "ProtectSurface",
      entityId: id,
      after: { version: current.version, withdrawn: count },
    });
    return toSurface(actor, await loadDetail(tx, id));
  });
}

/** ADMIN only; refused while a flow map with content or any change refers to the surface. */
export async function deleteSurface(context: TActorContext, id: string): Promise<{ deleted: true }> {
  assertCan(context.actor, "surface.delete");
  return db.$transaction(async (tx) => {
    await lockSurface(tx, id);
    const surface = await tx.protectSurface.findUniqueOrThrow({
      where: { id },
      include: {
        flowMap: { select: { id: true, _count: { select: { nodes: true, edges: true } } } },
        _count: { select: { changes: true, flowOps: true } },
      },
    });
    const reasons: string[] = [];
    if (surface.flowMap && surface.flowMap._count.nodes + surface.flowMap._count.edges > 0) reasons.push("its flow map has nodes or flows");
    if (surface._count.changes + surface._count.flowOps > 0) reasons.push("changes refer to it");
    if (reasons.length > 0) throw new RuleViolationError(`This surface cannot be deleted: ${reasons.join(" and ")}.`, "in_use");
    if (surface.flowMap) await tx.flowMap.delete({ where: { id: surface.flowMap.id } });
    const before = surfaceContentOf({ ...surface, elements: await tx.daasElement.findMany({ where: { surfaceId: id } }) });
    await tx.protectSurface.delete({ where: { id } });
    await recordAudit(tx, context, {
      action: "surface.delete",
      entityType: "ProtectSurface",
      entityId: id,
      before: { ...before, status: surface.status, version: surface.version },
    });
    return { deleted: true as const };
  });
}

/** Every stored version, newest first, with who signed off each one. */
export async function listVersions(context: TActorContext, id: string): Promise<TSurfaceVersion[]> {
  assertCan(context.actor, "surface.read");
  const surface = await db.protectSurface.findUnique({ where: { id }, select: { id: true } });
  if (!surface) throw new NotFoundError("The protect surface");
  const [versions, signOffs] = await Promise.all([
    db.surfaceVersion.findMany({ where: { surfaceId: id }, include: { author: { select: personSelect } }, orderBy: { version: "desc" } }),
    db.surfaceSignOff.findMany({
      where: { surfaceId: id, withdrawnAt: null },
      include: { user: { select: personSelect } },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  return versions.map((version) => ({
    version: version.version,
    contentHash: version.contentHash,
    snapshot: version.snapshot as Record<string, unknown>,
    author: version.author,
    createdAt: version.createdAt.toISOString(),
    agreedAt: version.agreedAt?.toISOString() ?? null,
    signOffs: signOffs
      .filter((signOff) => signOff.version === version.version && signOff.contentHash === version.contentHash)
      .map(toSignOff),
  }));
}

/** Active people, for owner pickers and for resolving names in the history. */
export async function listPeople(context: TActorContext): Promise<TPerson[]> {
  assertCan(context.actor, "surface.read");
  return db.user.findMany({ where: { status: "ACTIVE" }, select: personSelect, orderBy: [{ team: "asc" }, { name: "asc" }] });
}
