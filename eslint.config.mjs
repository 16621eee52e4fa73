import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";
import fs from "node:fs";

/** Server modules a component may name only in `import type`: their code runs on the server. */
const SERVER_MODULES = [
  "@/lib/*/service",
  "@/lib/*/service-*",
  "@/lib/*/*-service",
  "@/lib/*/read",
  "@/lib/*/workflow",
  "@/lib/db",
  "@/lib/db/*",
  "!@/lib/db/generated",
  "@/lib/audit/record",
];

/** Each components/<domain>/ imports its own components, ui and shell, never another domain's. */
const componentDomains = fs
  .readdirSync(new URL("./components", import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const SHARED_COMPONENTS = ["ui", "shell"];
/**
 * Known dependencies between domains' components, to be removed, not added to: the CAB shows
 * changes with the change badges and flow diff, and the change flow diff and picker draw on the map
 * canvas pieces. Both wait for those pieces to move into components/ui (or a canvas kit) once the
 * map editor's split lands.
 */
const PENDING_COMPONENT_DEPENDENCIES = { cab: ["changes"], changes: ["maps"] };
/**
 * Components built to be placed on other domains' pages: each takes only ids and loads its own data
 * through its own domain's queries, so embedding one couples nothing else. The change page and CAB
 * meeting mode show a change's policy diff and observed impact this way.
 */
const EMBEDDABLE_COMPONENTS = ["@/components/enforcement/change-policy-preview"];

function componentImportRules(domain) {
  const others = componentDomains.filter(
    (name) => name !== domain && !SHARED_COMPONENTS.includes(name) && !(PENDING_COMPONENT_DEPENDENCIES[domain] ?? []).includes(name),
  );
  return {
    "@typescript-eslint/no-restricted-imports": [
      "error",
      {
        patterns: [
          {
            group: SERVER_MODULES,
            allowTypeImports: true,
            message:
              "Components run in the browser: import only types from services, reads, workflows and the database; fetch data through lib/<domain>/queries.ts.",
          },
          ...(others.length > 0
            ? [
                {
                  group: [
                    // A folder pattern would exclude the embeddable files beneath it for good (gitignore rules): files only there.
                    ...others.flatMap((name) =>
                      EMBEDDABLE_COMPONENTS.some((path) => path.startsWith(`@/components/${name}/`))
                        ? [`@/components/${name}/**`, `../${name}/**`]
                        : [`@/components/${name}`, `@/components/${name}/**`, `../${name}`, `../${name}/**`],
                    ),
                    ...EMBEDDABLE_COMPONENTS.map((path) => `!${path}`),
                  ],
                  message: "A domain's components use their own, ui and shell; move what two domains share into components/ui.",
                },
              ]
            : []),
        ],
      },
    ],
  };
}

/**
 * Environment variables are read and validated only in lib/env.ts. Each exception says why.
 */
const PROCESS_ENV_EXCEPTIONS = [
  // The one place that reads and validates the environment.
  "lib/env.ts",
  // Tool configuration runs before the app's modules and sets their test environment.
  "vitest.config.ts",
  "playwright.config.ts",
  "prisma/generate.mjs",
  // Next's own runtime markers (NEXT_RUNTIME, NEXT_PHASE, NODE_ENV) decide whether the app's modules load at all.
  "instrumentation.ts",
  "proxy.ts",
  // The logger must work while the configuration itself is reported as invalid.
  "lib/ops/log.ts",
  // Benchmarks and end-to-end specs choose a database, ports and secrets before importing the app.
  "bench/**",
  "e2e/**",
  // Test harnesses: the global setup prepares the test database; spawned processes get an edited copy of the environment.
  "lib/test/global-setup.ts",
  "lib/test/processes/spawn.ts",
  "lib/test/processes/outbox-worker.ts",
  "lib/outbox/processes.int.test.ts",
  // The scan starts a separate server process with its own environment.
  "lib/cli/scan.ts",
  // Integration tests that set or read the environment of the process under test.
  "lib/api/openapi-fuzz.int.test.ts",
  "lib/api/route-hardening.int.test.ts",
  "lib/db/backup.int.test.ts",
];

const config = [
  {
    ignores: ["node_modules/**", ".next/**", ".data/**", "lib/db/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/db/generated/client*"],
              importNames: ["PrismaClient"],
              message: 'Only lib/db creates a Prisma client: import { db } from "@/lib/db".',
            },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/db/client.ts"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    ignores: PROCESS_ENV_EXCEPTIONS,
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read environment variables through getEnv() in lib/env.ts, which validates them." },
      ],
    },
  },
  ...componentDomains.map((domain) => ({ files: [`components/${domain}/**/*.{ts,tsx}`], rules: componentImportRules(domain) })),
  // Formatting is Prettier's (npm run format); lint rules that would argue with it are off.
  prettier,
];

export default config;
