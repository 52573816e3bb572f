/**
 * What a shard (`ccsim run|compare|sweep --shard i/n`) leaves in its output folder: shard.json
 * alone, whole or not at all (an earlier run's, compare's or sweep's files there are removed, as
 * a new one removes them), and a console note of what it holds and how to merge it.
 */
import type { Provenance } from "../../report/index.ts";
import type { Scenario } from "../../scenario/index.ts";
import type { ReplicationResult } from "../../simulate.ts";
import { printLine } from "../output.ts";
import { RUN_OUTPUT_FILES } from "./output-names.ts";
import { describeWritten, printPublicationNotes, publishOutputs } from "./publish-outputs.ts";
import type { ShardSpec } from "./shard.ts";
import { renderShardFile } from "./shard-file.ts";
import type { OutputSet } from "./stale-outputs.ts";

/** A finished shard and where it goes. */
export interface ShardOutcome {
  readonly outputDirectory: string;
  readonly shard: ShardSpec;
  readonly scenario: Scenario;
  readonly provenance: Provenance;
  /** The shard's replications, ascending. */
  readonly results: readonly ReplicationResult[];
  /** The console line about the replications run (count, jobs, wall time). */
  readonly replicationsLine: string;
}

/** Publishes the shard's shard.json and tells the user what it holds. */
export function publishShard(outcome: ShardOutcome): void {
  const { shard, scenario } = outcome;
  const text = renderShardFile(
    shard,
    scenario,
    outcome.provenance,
    outcome.results.map((result) => ({ replication: result.replication, metrics: result.metrics })),
  );
  publishShardText({
    outputDirectory: outcome.outputDirectory,
    shard,
    text,
    scenarioName: scenario.name,
    replications: scenario.replications,
    held: outcome.results.map((result) => result.replication),
    replicationsLine: outcome.replicationsLine,
  });
}

/** A shard file's text and what to say about it. */
export interface ShardText {
  readonly outputDirectory: string;
  readonly shard: ShardSpec;
  readonly text: string;
  readonly scenarioName: string;
  /** Replications of the whole study. */
  readonly replications: number;
  /** The replications this shard ran, ascending. */
  readonly held: readonly number[];
  readonly replicationsLine: string;
  /** Whose earlier outputs in the folder give way (run's without). */
  readonly set?: OutputSet;
}

/** Publishes a shard.json of any command and tells the user what it holds. */
export function publishShardText(shardText: ShardText): void {
  const { shard, outputDirectory } = shardText;
  const published = publishOutputs(
    outputDirectory,
    new Map([[RUN_OUTPUT_FILES.shard, shardText.text]]),
    [],
    shardText.set,
  );
  printLine(
    `${shardText.scenarioName}: shard ${shard.index}/${shard.count}, replications ${describeIndices(shardText.held)} of 0–${shardText.replications - 1}`,
  );
  printLine(shardText.replicationsLine);
  printLine(`wrote ${describeWritten(outputDirectory, published.written)}`);
  printPublicationNotes(published);
  printLine(`when all ${shard.count} shards are done: ccsim merge <their folders> --out <folder>`);
}

/** `0, 3, 6` or, for many, `0, 3, …, 297 (100)`. */
function describeIndices(indices: readonly number[]): string {
  if (indices.length <= 6) return indices.join(", ");
  return `${indices.slice(0, 3).join(", ")}, …, ${indices.at(-1)} (${indices.length})`;
}
