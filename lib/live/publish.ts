import "server-only";
import type { TTx } from "@/lib/db";
import { CAB_EVENTS_CHANNEL, CHANGE_EVENTS_CHANNEL } from "./channels";

/**
 * Wakes the live screens that show a change (meeting mode). Sent inside the writing transaction, so
 * Postgres delivers it only if the write commits, to every instance.
 */
export async function publishChangeTouched(tx: TTx, changeId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${CHANGE_EVENTS_CHANNEL}, ${JSON.stringify({ changeId })})`;
}

/** Wakes the screens of a CAB meeting whose own record changed (start, end, agenda, attendance). */
export async function publishMeetingTouched(tx: TTx, meetingId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${CAB_EVENTS_CHANNEL}, ${JSON.stringify({ meetingId })})`;
}
