import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  { ignores: ["node_modules/**", ".next/**", ".data/**", "lib/db/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/db/generated/client*"], importNames: ["PrismaClient"], message: "Only lib/db creates a Prisma client: import { db } from \"@/lib/db\"." },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/db/client.ts"],
    rules: { "no-restricted-imports": "off" },
  },
];

export default config;
