/**
 * `npm run validate:theory [-- --fast] [-- name…]`: runs the textbook cases (by default all of
 * them, heavy ones included) with their replications in parallel, prints every compared metric
 * — simulated mean ± 95% half-width, analytic value, distance in standard errors — and exits 1
 * if any analytic value lies more than three standard errors from the simulated mean.
 */

import { runReplications } from "../../src/cli/run/replications.ts";
import { studentTQuantile } from "../../src/metrics/confidence.ts";
import { aggregateReplications } from "../../src/metrics/index.ts";
import { compareWithTheory, STANDARD_ERRORS, theoryCases } from "./cases.ts";

const args = process.argv.slice(2);
const names = args.filter((arg) => !arg.startsWith("--"));
const selected = theoryCases.filter(
  (theoryCase) =>
    (names.length === 0 || names.includes(theoryCase.name)) &&
    (!args.includes("--fast") || !theoryCase.heavy),
);

const format = (value: number) =>
  Math.abs(value) >= 100 ? value.toFixed(2) : value.toPrecision(5);
let failures = 0;
console.log("case | metric | simulated ± half-width | analytic | standard errors away | verdict");
console.log("---|---|---|---|---|---");
for (const theoryCase of selected) {
  const started = performance.now();
  const results = await runReplications(theoryCase.scenario, { traces: new Map() });
  const summary = aggregateReplications(results.map((result) => result.metrics));
  const studentT = studentTQuantile(0.975, theoryCase.scenario.replications - 1);
  for (const row of compareWithTheory(theoryCase, summary, studentT)) {
    if (!row.pass) failures++;
    console.log(
      `${row.caseName} | ${row.scope}.${row.metric} | ${format(row.simulatedMean)} ± ${format(row.halfWidth)} | ${format(row.analytic)} | ${row.standardErrorsAway.toFixed(2)} | ${row.pass ? "ok" : "FAIL"}`,
    );
  }
  const jobs = results.reduce((sum, result) => sum + result.metrics.overall.arrived, 0);
  console.error(
    `${theoryCase.name}: ${theoryCase.scenario.replications} replications, ${jobs} jobs measured, ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}
console.log(
  failures === 0
    ? `\nall within ${STANDARD_ERRORS} standard errors`
    : `\n${failures} comparison(s) outside ${STANDARD_ERRORS} standard errors`,
);
process.exitCode = failures === 0 ? 0 : 1;
