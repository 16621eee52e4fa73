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

const matchedPerChange = inputs.reduce((sum, input) => sum + classify(input, rules).matched.length, 0) / inputs.length;
console.log(`${matchedPerChange.toFixed(1)} of ${rules.length} rules match an average change (each match is explained in the result)`);

const format = (rate: number) => Math.round(rate).toLocaleString("en");

/**
 * Changes per second for each round after one warm-up round, by the wall clock and by the CPU time
 * this process got: on a busy machine the second is the fairer figure of what the code costs.
 */
function measure(label: string, options: TClassifyOptions): number {
  const wallRates: number[] = [];
  const cpuRates: number[] = [];
  for (let round = 0; round <= ROUNDS; round++) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    for (const input of inputs) classify(input, rules, options);
    const cpu = process.cpuUsage(cpuStarted);
    const seconds = (performance.now() - started) / 1000;
    if (round > 0) {
      wallRates.push(inputs.length / seconds);
      cpuRates.push(inputs.length / ((cpu.user + cpu.system) / 1e6));
    }
  }
  const median = (rates: number[]) => [...rates].sort((a, b) => a - b)[Math.floor(rates.length / 2)]!;
  console.log(
    `${label.padEnd(12)} ${rules.length} rules: median ${format(median(wallRates))} changes/s wall clock, ${format(median(cpuRates))} per CPU second (${ROUNDS} rounds of ${inputs.length.toLocaleString("en")} changes)`,
  );
  return median(cpuRates);
}

const before = measure("interpreted", { evaluation: "interpreted" });
const after = measure("compiled", { evaluation: "compiled" });
console.log(`speed-up ×${(after / before).toFixed(1)}; goal 50,000 changes/s per CPU second: ${after >= 50_000 ? "met" : "not met"}`);
