import { apiRoute } from "@/lib/api/route";
import { ZMeetingParams } from "@/lib/cab/schemas";
import { exportMinutes } from "@/lib/cab/service";
import { renderMinutesPdf } from "@/lib/cab/minutes-pdf";

export const GET = apiRoute({ permission: "cab.read", params: ZMeetingParams }, async ({ context, params }) => {
  const pdf = await renderMinutesPdf(await exportMinutes(context, params.meetingId));
  return new Response(new Uint8Array(pdf), {
    headers: { "content-type": "application/pdf", "content-disposition": `attachment; filename="cab-minutes-${params.meetingId}.pdf"` },
  });
});
