/**
 * For any map the generators accept, every document they produce is accepted by its owners'
 * schema, and no approved flow disappears: it is in a document or listed with its reason.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generatePolicy } from "./generate";
import { POLICY_TARGETS } from "./model";
import { surfaceArbitrary } from "./policy.arbitraries";

describe("policy generation over any map", () => {
  it("produces only documents their schemas accept (generatePolicy refuses anything else) and loses no approved flow", () => {
    fc.assert(
      fc.property(surfaceArbitrary, fc.constantFrom(...POLICY_TARGETS), (surface, target) => {
        const generated = generatePolicy(surface, target);
        const text = generated.files.map((file) => file.content).join("\n");
        const reported = new Set(generated.unsupported.map((entry) => entry.flowId));
        for (const flow of surface.flows) {
          if (flow.status === "APPROVED") expect(text.includes(flow.id) || reported.has(flow.id)).toBe(true);
          else expect(reported.has(flow.id)).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
    // Compiling the Cilium CRD schema (400 kB) once is the slow part on a busy machine.
  }, 120_000);
});
