// Runs `prisma generate` without the Rust schema engine: generation itself runs on WebAssembly,
// and pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file stops the CLI from trying to
// download the native engine (which an offline machine cannot do).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? fileURLToPath(import.meta.url),
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
const cli = path.join(root, "node_modules", "prisma", "build", "index.js");
const result = spawnSync(process.execPath, [cli, "generate", "--schema", path.join(root, "prisma", "schema.prisma")], {
  cwd: root,
  env,
  stdio: "inherit",
});
process.exit(result.status ?? 1);
