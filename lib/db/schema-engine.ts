import { getEnv } from "@/lib/env";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

/**
 * Prisma's schema engine compiled to WebAssembly. It applies and diffs migrations exactly as
 * `prisma migrate` does, without the native binary an offline machine cannot download.
 */
export async function openSchemaEngine(factory: SqlMigrationAwareDriverAdapterFactory, schemaPath: string): Promise<SchemaEngine> {
  const bindings = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const require = createRequire(import.meta.url);
  const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
  const wasmModule = new WebAssembly.Module(fs.readFileSync(wasmPath));
  const instance = new WebAssembly.Instance(wasmModule, {
    "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
  });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  const schemaText = fs.readFileSync(schemaPath, "utf8");
  const log = (message: string) => {
    if (getEnv().CONCORD_DEBUG_MIGRATIONS) console.error(message);
  };
  return bindings.SchemaEngine.new({ datamodels: [[schemaPath, schemaText]] }, log, bindMigrationAwareSqlAdapterFactory(factory));
}

export const noFilters = { externalTables: [], externalEnums: [] };
