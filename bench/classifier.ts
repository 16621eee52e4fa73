/**
 * Classifier throughput with 200 rules; prints figures, asserts nothing.
 *   npm run bench:classifier
 * "interpreted" walks every condition tree per change (the classifier before rule sets were
 * compiled); "compiled" compiles the rule set once and reuses it. Goal: ≥ 50,000 changes/s compiled.
 */
import { performance } from "node:perf_hooks";
import fc from "fast-check";
import { classify, type TClassifyOptions } from "@/lib/change-policy/classifier";
import { arbInput, arbRules } from "@/lib/change-policy/classifier.arbitraries";

const RULES = 200;
const CHANGES = 20_000;
const ROUNDS = 5;

const inputs = fc.sample(arbInput(), { numRuns: CHANGES, seed: 42 });
const rules = fc
  .sample(arbRules(1), { numRuns: 4 * RULES, seed: 7 })
  .flat()
  .slice(0, RULES)
  .map((rule, index) => ({ ...rule, ruleKey: `r${index}`, position: index }));

/** Changes per second for each round after one warm-up round; the best round is the least disturbed by other work. */
function measure(label: string, options: TClassifyOptions): number {
  const rates: number[] = [];
  for (let round = 0; round <= ROUNDS; round++) {
    const started = performance.now();
    for (const input of inputs) classify(input, rules, options);
    const seconds = (performance.now() - started) / 1000;
    if (round > 0) rates.push(inputs.length / seconds);
  }
  rates.sort((a, b) => a - b);
  const median = rates[Math.floor(rates.length / 2)]!;
  console.log(
    `${label.padEnd(12)} ${rules.length} rules: median ${Math.round(median).toLocaleString("en")} changes/s, best ${Math.round(rates.at(-1)!).toLocaleString("en")} (${ROUNDS} rounds of ${inputs.length.toLocaleString("en")} changes)`,
  );
  return median;
}

const before = measure("interpreted", { evaluation: "interpreted" });
const after = measure("compiled", { evaluation: "compiled" });
console.log(`speed-up ×${(after / before).toFixed(1)}; goal 50,000 changes/s: ${after >= 50_000 ? "met" : "not met"}`);
