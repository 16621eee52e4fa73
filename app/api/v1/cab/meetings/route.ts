import { apiRoute } from "@/lib/api/route";
import { ZCreateMeeting } from "@/lib/cab/schemas";
import { createMeeting, listMeetings } from "@/lib/cab/service";

export const GET = apiRoute({ permission: "cab.read" }, async ({ context }) => listMeetings(context));

export const POST = apiRoute({ permission: "cab.manage", body: ZCreateMeeting }, async ({ context, body }) =>
  Response.json(await createMeeting(context, body), { status: 201 }),
);
