// @ts-check
/**
 * Mutation testing of the files that decide (`npm run test:mutation`). Stryker changes one thing at a
 * time in these files (a condition, an operator, a literal) and runs the unit tests that cover it;
 * a mutant that no test notices "survives". See README, "Mutation testing", and
 * docs/mutation-survivors.md for the survivors we keep on purpose.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
const config = {
  testRunner: "vitest",
  plugins: ["@stryker-mutator/vitest-runner"],
  vitest: { configFile: "vitest.mutation.config.ts", related: true },
  coverageAnalysis: "perTest",
  mutate: [
    "lib/surfaces/lifecycle.ts",
    "lib/changes/approvals.ts",
    "lib/changes/lifecycle.ts",
    "lib/change-policy/classifier.ts",
    "lib/change-policy/conditions.ts",
    "lib/change-policy/facts.ts",
    "lib/change-policy/templates.ts",
    "lib/change-policy/joint-approval.ts",
    "lib/change-policy/promotion.ts",
    "lib/auth/permissions.ts",
    "lib/audit/chain.ts",
    "lib/maps/model/rules.ts",
    // Added with the joint decisions (issue 13). Their services (template lifecycle, map agreement,
    // owner replacement) are exercised by integration tests instead, outside the mutation run.
    "lib/changes/duties.ts",
    "lib/cab/retrospective.ts",
    "lib/maps/model/approval.ts",
    "lib/surfaces/authority.ts",
    "lib/auth/decisions.ts",
  ],
  // Build output, databases and reports stay out of Stryker's sandbox copy.
  ignorePatterns: [".next", ".data", "test-results", "playwright-report", "reports", "bench/results", ".stryker-tmp"],
  reporters: ["clear-text", "progress", "html"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  clearTextReporter: { allowColor: false, reportScoreTable: true, reportMutants: true, skipFull: false },
  thresholds: { high: 90, low: 80, break: null },
  // Mutants that survived or were killed last time are re-tested only when their file or its tests change.
  incremental: true,
  incrementalFile: "reports/stryker-incremental.json",
  concurrency: 2,
  // A loaded machine runs the property tests slowly; a short timeout would count slow runs as kills.
  timeoutMS: 15000,
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
};

export default config;
