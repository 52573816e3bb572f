/**
 * A check run's values as `check` compares them and `--update` writes them: summary.json's text
 * exactly as `ccsim run` writes it (provenance included), read back through the baseline parser
 * so that both sides carry the same 6-decimal means (an unchanged run is then identical, never
 * off by rounding), and the per-replication values at full precision.
 */
import {
  type BaselineSummary,
  parseBaselineSummary,
  type ReplicationTable,
  renderReplicationValuesCsv,
  replicationTableOf,
} from "../../comparison/index.ts";
import { aggregateReplications } from "../../metrics/index.ts";
import { renderSummaryJson } from "../../report/index.ts";
import type { Scenario } from "../../scenario/index.ts";
import type { ReplicationResult } from "../../simulate.ts";
import { describeProvenance } from "../run/provenance.ts";

/** What a check run produced, as values and as the baseline files' text. */
export interface CheckRun {
  readonly values: BaselineSummary & { readonly perReplication: ReplicationTable };
  readonly summaryText: string;
  readonly valuesText: string;
}

/** The values and baseline texts of `results`, replications of `scenario` read from `file`. */
export function checkRunOf(
  file: string,
  scenario: Scenario,
  results: readonly ReplicationResult[],
): CheckRun {
  const metrics = results.map((result) => result.metrics);
  const summaryText = renderSummaryJson(
    {
      scenario: scenario.name,
      seed: scenario.seed,
      horizonSeconds: scenario.horizonSeconds,
      warmupSeconds: scenario.warmupSeconds,
      serviceLevelThresholdSeconds: scenario.serviceLevelThresholdSeconds,
      provenance: describeProvenance(file, scenario),
    },
    aggregateReplications(metrics),
  );
  const perReplication = replicationTableOf(metrics);
  return {
    values: { ...parseBaselineSummary(summaryText, "(this run)"), perReplication },
    summaryText,
    valuesText: renderReplicationValuesCsv(perReplication),
  };
}
