/**
 * Merging the shards of a compare or a sweep: each variant's (point's) replications, in order,
 * made into the replication table the unsharded command builds, then written through that
 * command's own report code (compare-report.ts, sweep-report.ts): the same files, byte for byte.
 */
import { replicationTableOf, type VariantResults } from "../../comparison/index.ts";
import { compareFolderOf } from "../compare/compare-outputs.ts";
import { publishComparison } from "../compare/compare-report.ts";
import type { CompareShardFile, ShardReplication, SweepShardFile } from "../run/shard-file.ts";
import { sweepFolderOf } from "../sweep/sweep-outputs.ts";
import { publishSweep } from "../sweep/sweep-report.ts";

/** How to write the merged files. */
export interface StudyMergeOptions {
  readonly outputDirectory: string;
  readonly charts: boolean;
  readonly png: boolean;
  readonly signal: AbortSignal;
  /** How many shard folders were merged (for the console line). */
  readonly shardCount: number;
}

/** The folder a merged compare or sweep goes to without --out: the command's own default. */
export function studyFolderOf(
  out: string | undefined,
  file: CompareShardFile | SweepShardFile,
): string {
  return file.command === "compare"
    ? compareFolderOf(out, file.scenario)
    : sweepFolderOf(out, file.scenario);
}

/** Writes the compare of `series` (per variant, its replications in order). */
export async function mergeCompare(
  file: CompareShardFile,
  series: readonly (readonly ShardReplication[])[],
  options: StudyMergeOptions,
): Promise<void> {
  const results: VariantResults[] = file.variants.map((variant, index) => ({
    name: variant.name,
    description: variant.description,
    table: tableOf(series[index] ?? []),
  }));
  await publishComparison({
    outputDirectory: options.outputDirectory,
    run: file.run,
    results,
    options: file.options,
    charts: options.charts,
    png: options.png,
    signal: options.signal,
    studyLine: studyLineOf("variants", file.replications, series, options.shardCount),
  });
}

/** Writes the sweep of `series` (per point, its replications in order). */
export async function mergeSweep(
  file: SweepShardFile,
  series: readonly (readonly ShardReplication[])[],
  options: StudyMergeOptions,
): Promise<void> {
  await publishSweep({
    outputDirectory: options.outputDirectory,
    run: file.run,
    description: file.sweep,
    points: file.points.map((point, index) => ({
      name: point.name,
      indices: point.indices,
      table: tableOf(series[index] ?? []),
    })),
    charts: options.charts,
    png: options.png,
    signal: options.signal,
    studyLine: studyLineOf("points", file.replications, series, options.shardCount),
  });
}

/** The table compare's and sweep's simulation builds from a variant's replications. */
function tableOf(replications: readonly ShardReplication[]) {
  return replicationTableOf(
    replications.map((one) => one.metrics),
    { fairness: true },
  );
}

function studyLineOf(
  kind: string,
  replications: number,
  series: readonly (readonly ShardReplication[])[],
  shardCount: number,
): string {
  const jobs = series
    .flat()
    .reduce((sum, replication) => sum + replication.metrics.overall.arrived, 0);
  return `${series.length} ${kind} × ${replications} replication(s) from ${shardCount} shard(s), ${jobs} jobs in the measurement windows`;
}
