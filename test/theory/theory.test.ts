/**
 * The fast textbook cases (ρ ≈ 0.8, tens of thousands of jobs): the analytic value of every
 * compared metric must lie within three standard errors of the replications' mean. Fixed seeds
 * make the outcome deterministic. The heavy cases run in `npm run validate:theory`. Where workers
 * take time to answer, `probabilityOfWait` is 1 while `probabilityOfDelay` matches Erlang C.
 */
import { describe, expect, it } from "vitest";
import { STANDARD_ERRORS, theoryCases } from "./cases.ts";
import { runTheoryCase } from "./run-case.ts";

describe("agreement with queueing theory", () => {
  for (const theoryCase of theoryCases.filter((candidate) => !candidate.heavy)) {
    it(`${theoryCase.name}: every metric within ${STANDARD_ERRORS} standard errors of the formula`, () => {
      const { summary, comparisons } = runTheoryCase(theoryCase);
      for (const comparison of comparisons) {
        const label = `${comparison.scope}.${comparison.metric}: simulated ${comparison.simulatedMean} ± ${comparison.halfWidth}, analytic ${comparison.analytic}`;
        expect(comparison.standardErrorsAway, label).toBeLessThanOrEqual(STANDARD_ERRORS);
        // A half-width of zero or NaN would make any comparison vacuous.
        expect(comparison.halfWidth, label).toBeGreaterThan(0);
      }
      if (theoryCase.workersTakeTimeToAnswer) {
        // Ring time counts as waiting there: every answered job "waited", whatever the load.
        expect(summary.overall.probabilityOfWait.mean).toBe(1);
      }
    });
  }
});
