import { closeDatabase } from "@/lib/db";
import { verifyAuditChain } from "@/lib/audit/verify";
import { runCli } from "./run";

await runCli(async () => {
  const result = await verifyAuditChain();
  await closeDatabase();
  const { latest, problems, problemCount } = result.checkpoints;
  if (result.firstBreak) {
    console.error(
      `Audit chain BROKEN at event ${result.firstBreak.id} (${result.firstBreak.reason.replace(/_/g, " ")}); ${result.checked} event(s) before it verified.`,
    );
  }
  for (const problem of problems) console.error(problem.message);
  if (problemCount > problems.length) console.error(`…and ${problemCount - problems.length} more checkpoint problem(s).`);
  if (result.firstBreak || problemCount > 0) process.exit(1);
  console.log(`Audit chain intact: ${result.checked} event(s) verified.`);
  console.log(
    latest
      ? `Anchored by checkpoint #${latest.seq} of ${latest.createdAt}: ${latest.eventCount} event(s) up to event ${latest.headId ?? "none"}; events after it are not anchored yet.`
      : "No checkpoint yet: a cut-off tail would go unnoticed. Run `npm run audit:checkpoint`.",
  );
});
