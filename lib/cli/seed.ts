import { closeDatabase } from "@/lib/db";
import { seedDemo } from "@/lib/seed";
import { formatDemoAccounts } from "@/lib/seed/users";
import { runCli } from "./run";

await runCli(async () => {
  await seedDemo();
  await closeDatabase();
  console.log("Demo data is in place.");
  console.log(formatDemoAccounts());
});
