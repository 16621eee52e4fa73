import "server-only";
import crypto from "node:crypto";
import { db } from "@/lib/db";
import type { TActorContext } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { AppError, NotFoundError } from "@/lib/errors";
import { isShuttingDown } from "@/lib/ops/lifecycle";
import { CAB_EVENTS_CHANNEL, CHANGE_EVENTS_CHANNEL } from "@/lib/live/channels";
import { getLiveHub } from "@/lib/live/hub";
import { sseResponse } from "@/lib/live/sse";

/**
 * What a meeting screen shows, reduced to a digest: the meeting's own fields, its attendees, each
 * item's outcome and votes, and the state, version and live votes of each change on the agenda.
 * Any vote, comment, agenda change or outcome changes it.
 */
async function meetingDigest(meetingId: string): Promise<{ digest: string; changeIds: Set<string> }> {
  const row = await db.cabMeeting.findUnique({
    where: { id: meetingId },
    select: {
      title: true,
      scheduledAt: true,
      startedAt: true,
      endedAt: true,
      attendees: { select: { userId: true }, orderBy: { userId: "asc" } },
      agendaItems: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          position: true,
          outcome: true,
          carriedToId: true,
          changeId: true,
          votes: { select: { id: true }, orderBy: { id: "asc" } },
          change: {
            select: { state: true, version: true, approvals: { select: { id: true, voidedAt: true }, orderBy: { id: "asc" } } },
          },
        },
      },
    },
  });
  if (!row) throw new NotFoundError("The CAB meeting");
  const digest = crypto.createHash("sha256").update(JSON.stringify(row)).digest("base64url").slice(0, 22);
  return { digest, changeIds: new Set(row.agendaItems.map((item) => item.changeId)) };
}

/**
 * The live stream of one meeting: an `updated` event (id = the digest) whenever what the meeting
 * screen shows changed, from this instance or any other. Notifications from the meeting and from
 * the changes on its agenda only wake the stream; it re-reads the digest from the database (the
 * heartbeat does too), so a lost notification delays an update and never loses it.
 */
export async function openMeetingStream(context: TActorContext, meetingId: string, signal: AbortSignal): Promise<Response> {
  assertCan(context.actor, "cab.read");
  if (isShuttingDown()) throw new AppError(503, "shutting_down", "This instance is restarting; reconnect.");
  let current = await meetingDigest(meetingId);
  const hub = getLiveHub();
  await hub.ensureStarted();

  return sseResponse(signal, (channel) => {
    let queue = Promise.resolve();
    const recheck = () => {
      queue = queue
        .then(async () => {
          if (channel.isClosed()) return;
          const next = await meetingDigest(meetingId);
          if (next.digest === current.digest) return;
          current = next;
          channel.event("updated", { meetingId }, next.digest);
        })
        .catch(() => channel.comment("re-read failed, retrying on the next heartbeat"));
    };
    channel.event("hello", { meetingId }, current.digest);
    channel.onClose(
      hub.subscribe(CAB_EVENTS_CHANNEL, (payload) => {
        if ((JSON.parse(payload) as { meetingId?: string }).meetingId === meetingId) recheck();
      }),
    );
    channel.onClose(
      hub.subscribe(CHANGE_EVENTS_CHANNEL, (payload) => {
        const { changeId } = JSON.parse(payload) as { changeId?: string };
        if (changeId && current.changeIds.has(changeId)) recheck();
      }),
    );
    channel.onClose(hub.onReconnect(recheck));
    return { heartbeat: recheck };
  });
}
