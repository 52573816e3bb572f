/**
 * The variants simulated one after another (each on all worker threads), under one progress bar
 * whose label names the variant being run, each reduced at once to its replication table with
 * fairness: the per-replication values pairing needs, not the replications' full results. A
 * shard (`only`) runs its replications of every variant and keeps their metrics for shard.json.
 */
import { replicationTableOf, type VariantResults } from "../../comparison/index.ts";
import { createProgress } from "../run/progress.ts";
import type { ShardReplication } from "../run/shard-file.ts";
import { simulateScenario } from "../session/simulate-scenario.ts";
import type { CheckedVariant } from "./checked-variants.ts";

/** How to run. */
export interface SimulateVariantsOptions {
  readonly workers: number;
  readonly signal: AbortSignal;
  readonly progress: boolean;
  /** A shard's replications, ascending: only these are run. */
  readonly only?: readonly number[];
}

/** The variants simulated. */
export interface SimulatedVariants {
  /** Each variant's results, in order (a shard's: of its replications only). */
  readonly results: VariantResults[];
  /** With `only`: each variant's replications' metrics, with their true indices. */
  readonly replications: ShardReplication[][];
  /** Jobs arrived in all measurement windows. */
  readonly jobs: number;
}

/** Each variant's results, in order, and how many jobs arrived in all. */
export async function simulateVariants(
  variants: readonly CheckedVariant[],
  options: SimulateVariantsOptions,
): Promise<SimulatedVariants> {
  let running = 0;
  const total = variants.length;
  const label = () =>
    `${variants[0]?.scenario.name ?? "compare"}: variant ${running + 1}/${total} (${variants[running]?.name ?? ""})`;
  const progress = createProgress(label, options.progress);
  const results: VariantResults[] = [];
  const kept: ShardReplication[][] = [];
  let jobs = 0;
  try {
    for (const [index, variant] of variants.entries()) {
      running = index;
      const replications = await simulateScenario(variant.checked, variant.scenario, {
        workers: options.workers,
        signal: options.signal,
        progress,
        progressFrom: index / total,
        progressTo: (index + 1) / total,
        ...(options.only === undefined ? {} : { only: options.only }),
      });
      if (options.only !== undefined) {
        kept.push(replications.map(({ replication, metrics }) => ({ replication, metrics })));
      }
      const metrics = replications.map((replication) => replication.metrics);
      jobs += metrics.reduce((sum, one) => sum + one.overall.arrived, 0);
      results.push({
        name: variant.name,
        description: variant.description,
        table: replicationTableOf(metrics, { fairness: true }),
      });
    }
  } finally {
    progress.stop();
  }
  return { results, replications: kept, jobs };
}
