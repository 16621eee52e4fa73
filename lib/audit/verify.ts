import { db, type TTx } from "@/lib/db";
import { GENESIS_HASH, findChainBreak, storedAuditContent, type TChainBreak } from "./chain";

export type TVerifyResult = { checked: number; firstBreak: TChainBreak | null };

const BATCH = 2000;

/** Walks the whole chain in id order and names the first event that does not verify. */
export async function verifyAuditChain(client: TTx = db): Promise<TVerifyResult> {
  let previousHash = GENESIS_HASH;
  let afterId: bigint | undefined;
  let checked = 0;
  for (;;) {
    const batch = await client.auditEvent.findMany({
      where: afterId === undefined ? {} : { id: { gt: afterId } },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    if (batch.length === 0) return { checked, firstBreak: null };
    const firstBreak = findChainBreak(
      batch.map((event) => ({ ...storedAuditContent(event), createdAt: event.createdAt.toISOString(), before: event.before, after: event.after })),
      previousHash,
    );
    if (firstBreak) {
      const index = batch.findIndex((event) => String(event.id) === firstBreak.id);
      return { checked: checked + index, firstBreak };
    }
    checked += batch.length;
    const last = batch[batch.length - 1]!;
    previousHash = last.hash;
    afterId = last.id;
  }
}
