import { apiRoute } from "@/lib/api/route";
import { ZImportBody } from "@/lib/surfaces/schemas";
import { importSurfaces } from "@/lib/surfaces/transfer";

/** Up to 5 MiB: a file of a thousand surfaces with their elements. */
export const POST = apiRoute({ permission: "surface.write", body: ZImportBody, maxBodyBytes: 5 * 1024 * 1024 }, async ({ context, body }) =>
  Response.json(await importSurfaces(context, body.surfaces), { status: 201 }),
);
