import { apiRoute } from "@/lib/api/route";
import { ZMeetingParams } from "@/lib/cab/schemas";
import { exportMinutes } from "@/lib/cab/service";

export const GET = apiRoute(
  { permission: "cab.read", params: ZMeetingParams },
  async ({ context, params }) =>
    new Response(await exportMinutes(context, params.meetingId), {
      headers: {
        "content-type": "text/markdown; charset=utf-8",
        "content-disposition": `attachment; filename="cab-minutes-${params.meetingId}.md"`,
      },
    }),
);
