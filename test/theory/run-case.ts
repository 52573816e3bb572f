/** Runs a theory case's replications in this thread and compares them with the formulas. */

import { studentTQuantile } from "../../src/metrics/confidence.ts";
import { aggregateReplications, type ReplicationSummary } from "../../src/metrics/index.ts";
import { runReplication } from "../../src/simulate.ts";
import { compareWithTheory, type TheoryCase, type TheoryComparison } from "./cases.ts";

export function runTheoryCase(theoryCase: TheoryCase): {
  summary: ReplicationSummary;
  comparisons: TheoryComparison[];
} {
  const { scenario } = theoryCase;
  const metrics = Array.from(
    { length: scenario.replications },
    (_, replication) => runReplication(scenario, { replication }).metrics,
  );
  const summary = aggregateReplications(metrics);
  const studentT = studentTQuantile(0.975, scenario.replications - 1);
  return { summary, comparisons: compareWithTheory(theoryCase, summary, studentT) };
}
