import { closeDatabase } from "@/lib/db";
import { verifyAuditChain } from "@/lib/audit/verify";
import { runCli } from "./run";

await runCli(async () => {
  const result = await verifyAuditChain();
  await closeDatabase();
  if (result.firstBreak) {
    console.error(
      `Audit chain BROKEN at event ${result.firstBreak.id} (${result.firstBreak.reason.replace(/_/g, " ")}); ${result.checked} event(s) before it verified.`,
    );
    process.exit(1);
  }
  console.log(`Audit chain intact: ${result.checked} event(s) verified.`);
});
