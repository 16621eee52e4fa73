import { apiRoute } from "@/lib/api/route";
import { listPeople } from "@/lib/surfaces/service";

export const GET = apiRoute({ permission: "surface.read" }, async ({ context }) => ({ people: await listPeople(context) }));
