import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { closeDatabase, db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { FLOW_LOG_FORMATS, type TFlowLogFormat } from "@/lib/discovery/records";
import { ZImportQuery } from "@/lib/discovery/schemas";
import { importFlowLog } from "@/lib/discovery/service";
import { runCli } from "./run";

const USAGE = `Usage: npm run discovery:import -- --format <${FLOW_LOG_FORMATS.join("|")}> --surface <id or name> --as <email> [--source <name>] [--strict] [--fields "<vpc fields>"] <file>`;

await runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      format: { type: "string" },
      surface: { type: "string" },
      as: { type: "string" },
      source: { type: "string" },
      strict: { type: "boolean", default: false },
      fields: { type: "string" },
    },
  });
  const file = positionals[0];
  if (!file || !values.format || !values.surface || !values.as) {
    console.error(USAGE);
    process.exit(2);
  }
  const query = ZImportQuery.safeParse({
    format: values.format as TFlowLogFormat,
    source: values.source ?? path.basename(file),
    strict: String(values.strict),
    fields: values.fields,
  });
  if (!query.success) {
    console.error(query.error.issues.map((issue) => `--${issue.path.join(".")} ${issue.message}`).join("\n"));
    process.exit(2);
  }
  const user = await db.user.findUnique({ where: { email: values.as } });
  if (!user || user.status !== "ACTIVE") throw new Error(`No active user or service account ${values.as}.`);
  const surface = await db.protectSurface.findFirst({
    where: /^[0-9a-f-]{36}$/i.test(values.surface) ? { id: values.surface } : { name: values.surface },
    select: { id: true, name: true },
  });
  if (!surface) throw new Error(`No protect surface ${values.surface}.`);
  const context = {
    actor: { id: user.id, email: user.email, name: user.name, team: user.team, roles: user.roles },
    requestId: `cli-discovery-${Date.now()}`,
    systemLabel: "cli",
  };
  const size = fs.statSync(file).size;
  const started = Date.now();
  const ticker = setInterval(async () => {
    const running = await db.discoveryImport.findFirst({
      where: { surfaceId: surface.id, status: "RUNNING", createdById: user.id },
      orderBy: { createdAt: "desc" },
    });
    if (running)
      process.stderr.write(
        `\r${Math.round((Number(running.bytesRead) / Math.max(size, 1)) * 100)}% · ${running.linesRead} lines · ${running.linesRejected} rejected   `,
      );
  }, 1000);
  try {
    const result = await importFlowLog(context, surface.id, query.data, fs.createReadStream(file));
    clearInterval(ticker);
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `\nImported ${file} into "${surface.name}": ${result.linesRead} lines read, ${result.linesAccepted} accepted, ${result.linesRejected} rejected, ${result.linesSkipped} skipped in ${seconds.toFixed(1)} s.`,
    );
    for (const reject of result.rejects.slice(0, 10)) console.log(`  line ${reject.line}: ${reject.reason}`);
  } catch (error) {
    clearInterval(ticker);
    if (!(error instanceof AppError)) throw error;
    console.error(`\n${error.message}`);
    process.exitCode = 1;
  } finally {
    await closeDatabase();
  }
});
