import "server-only";
import type { TTx } from "@/lib/db";

/**
 * Puts a person among a meeting's attendees. Opening meeting mode and voting both do it, often at
 * the same moment: INSERT … ON CONFLICT DO NOTHING lets the second wait for the first and then
 * change nothing, where a read-then-insert would fail on the key.
 */
export async function recordAttendance(tx: TTx, meetingId: string, userId: string): Promise<void> {
  await tx.cabAttendee.createMany({ data: [{ meetingId, userId }], skipDuplicates: true });
}
