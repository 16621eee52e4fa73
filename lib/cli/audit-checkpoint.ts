import { closeDatabase } from "@/lib/db";
import { systemContext } from "@/lib/auth/actor";
import { writeCheckpoint } from "@/lib/audit/checkpoints";
import { runCli } from "./run";

await runCli(async () => {
  const run = await writeCheckpoint("cli", systemContext("audit-checkpoint-cli"));
  await closeDatabase();
  const checkpoint = run.checkpoint!;
  console.log(
    `Checkpoint #${checkpoint.seq} signed: ${checkpoint.eventCount} event(s) up to event ${checkpoint.headId ?? "none"} (key ${checkpoint.keyId}).`,
  );
  for (const failure of run.sinkFailures) console.error(`Not sent to ${failure}`);
  if (run.sinkFailures.length > 0) process.exit(1);
});
