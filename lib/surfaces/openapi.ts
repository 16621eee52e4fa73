import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { operation } from "@/lib/api/openapi";
import {
  ZComment,
  ZCommentInput,
  ZCreateSurface,
  ZDecision,
  ZDecisionInput,
  ZDelegateInput,
  ZExportQuery,
  ZImportBody,
  ZKipling,
  ZKiplingInput,
  ZPerson,
  ZResolveComment,
  ZSignOffBody,
  ZSurface,
  ZSurfaceChildParams,
  ZSurfaceIdParams,
  ZSurfaceListQuery,
  ZSurfacePage,
  ZSurfaceRecord,
  ZSurfaceVersion,
  ZUpdateSurface,
} from "./schemas";
import { ZReplaceOwner } from "./ownership-schemas";

const tag = "Protect surfaces";
const ZCreated = z.object({ id: z.uuid() });
const ZDeleted = z.object({ deleted: z.literal(true) });

export const surfacePaths: ZodOpenApiPathsObject = {
  "/api/v1/surfaces": {
    get: operation({
      summary: "List protect surfaces (filters, search, sorting, pagination)",
      tag,
      permission: "surface.read",
      query: ZSurfaceListQuery,
      response: ZSurfacePage,
    }),
    post: operation({
      summary: "Create a protect surface (as a draft, version 1)",
      tag,
      permission: "surface.write",
      body: ZCreateSurface,
      response: ZSurface,
      status: 201,
    }),
  },
  "/api/v1/surfaces/{id}": {
    get: operation({
      summary: "One protect surface with elements, sign-offs, delegates and what the caller may do",
      tag,
      permission: "surface.read",
      params: ZSurfaceIdParams,
      response: ZSurface,
    }),
    put: operation({
      summary: "Save the content edited on top of `version`; a stale version gets 409 with the current state in `error.current`",
      tag,
      permission: "surface.write",
      params: ZSurfaceIdParams,
      body: ZUpdateSurface,
      response: ZSurface,
      conflicts: true,
    }),
    delete: operation({
      summary: "Delete a surface (refused while flows or changes refer to it)",
      tag,
      permission: "surface.delete",
      params: ZSurfaceIdParams,
      response: ZDeleted,
      conflicts: true,
    }),
  },
  "/api/v1/surfaces/{id}/submit": {
    post: operation({
      summary: "Submit a draft for review (needs both owners)",
      tag,
      permission: "surface.write",
      params: ZSurfaceIdParams,
      response: ZSurface,
      conflicts: true,
    }),
  },
  "/api/v1/surfaces/{id}/owners": {
    put: operation({
      summary:
        "Replace one team's owner: only that team's current owner, or an admin with a `reason`; voids every sign-off, opens a new version and tells the replaced owner",
      tag,
      permission: "surface.read",
      params: ZSurfaceIdParams,
      body: ZReplaceOwner,
      response: ZSurface,
      conflicts: true,
    }),
  },
  "/api/v1/surfaces/{id}/signoffs": {
    post: operation({
      summary:
        "Sign off the current content for the caller's team (owner or delegate); the second team's sign-off agrees it and approves the map's PROPOSED flows both signers saw (not created or edited after the first counted sign-off). Refused (403) for API tokens: sign in",
      tag,
      permission: "surface.signoff",
      params: ZSurfaceIdParams,
      body: ZSignOffBody,
      response: ZSurface,
      conflicts: true,
    }),
    delete: operation({
      summary: "Withdraw the caller's own sign-off before agreement",
      tag,
      permission: "surface.signoff",
      params: ZSurfaceIdParams,
      response: ZSurface,
      conflicts: true,
    }),
  },
  "/api/v1/surfaces/{id}/versions": {
    get: operation({
      summary: "Every version with its content snapshot and sign-offs",
      tag,
      permission: "surface.read",
      params: ZSurfaceIdParams,
      response: z.object({ versions: z.array(ZSurfaceVersion) }),
    }),
  },
  "/api/v1/surfaces/{id}/comments": {
    get: operation({
      summary: "Comment threads on the surface and its elements",
      tag,
      permission: "surface.read",
      params: ZSurfaceIdParams,
      response: z.object({ comments: z.array(ZComment) }),
    }),
    post: operation({
      summary: "Comment (mention people with @name.surname)",
      tag,
      permission: "surface.comment",
      params: ZSurfaceIdParams,
      body: ZCommentInput,
      response: ZCreated,
      status: 201,
    }),
  },
  "/api/v1/surfaces/{id}/comments/{childId}": {
    patch: operation({
      summary: "Resolve or reopen a comment",
      tag,
      permission: "surface.comment",
      params: ZSurfaceChildParams,
      body: ZResolveComment,
      response: ZCreated,
    }),
  },
  "/api/v1/surfaces/{id}/decisions": {
    get: operation({
      summary: "Decisions recorded in workshops",
      tag,
      permission: "surface.read",
      params: ZSurfaceIdParams,
      response: z.object({ decisions: z.array(ZDecision) }),
    }),
    post: operation({
      summary: "Record a decision",
      tag,
      permission: "surface.comment",
      params: ZSurfaceIdParams,
      body: ZDecisionInput,
      response: ZCreated,
      status: 201,
    }),
  },
  "/api/v1/surfaces/{id}/statements": {
    get: operation({
      summary: "Kipling policy statements",
      tag,
      permission: "surface.read",
      params: ZSurfaceIdParams,
      response: z.object({ statements: z.array(ZKipling) }),
    }),
    post: operation({
      summary: "Add a Kipling statement",
      tag,
      permission: "surface.write",
      params: ZSurfaceIdParams,
      body: ZKiplingInput,
      response: ZKipling,
      status: 201,
    }),
  },
  "/api/v1/surfaces/{id}/statements/{childId}": {
    put: operation({
      summary: "Change a Kipling statement",
      tag,
      permission: "surface.write",
      params: ZSurfaceChildParams,
      body: ZKiplingInput,
      response: ZKipling,
    }),
    delete: operation({
      summary: "Remove a Kipling statement",
      tag,
      permission: "surface.write",
      params: ZSurfaceChildParams,
      response: ZDeleted,
      conflicts: true,
    }),
  },
  "/api/v1/surfaces/{id}/delegates": {
    post: operation({
      summary: "Delegate the owner's sign-off to a contributor of the same team",
      tag,
      permission: "surface.write",
      params: ZSurfaceIdParams,
      body: ZDelegateInput,
      response: ZCreated,
      status: 201,
      conflicts: true,
    }),
  },
  "/api/v1/surfaces/{id}/delegates/{childId}": {
    delete: operation({
      summary: "Remove a delegate",
      tag,
      permission: "surface.write",
      params: ZSurfaceChildParams,
      response: ZDeleted,
      conflicts: true,
    }),
  },
  "/api/v1/surfaces/export": {
    get: operation({
      summary: "Export the filtered list as JSON (the import format) or CSV",
      tag,
      permission: "surface.read",
      query: ZExportQuery,
      response: z.object({ surfaces: z.array(ZSurfaceRecord) }),
    }),
  },
  "/api/v1/surfaces/import": {
    post: operation({
      summary: "Import surfaces as drafts; every error names `surfaces.<record>.<field>` and nothing is imported if any record is invalid",
      tag,
      permission: "surface.write",
      body: ZImportBody,
      response: z.object({ imported: z.number().int(), ids: z.array(z.uuid()) }),
      status: 201,
    }),
  },
  "/api/v1/surfaces/people": {
    get: operation({
      summary: "Active people, for owner and delegate pickers",
      tag,
      permission: "surface.read",
      response: z.object({ people: z.array(ZPerson) }),
    }),
  },
};
