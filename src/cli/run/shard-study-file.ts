/**
 * The shard files of `ccsim compare --shard` and `ccsim sweep --shard`: the common header, the
 * run description and options (compare) or grid (sweep) their files need, and every variant's or
 * point's replications on this shard. Read by shard-file.ts's parser with run's shards.
 */
import { createHash } from "node:crypto";
import type { ComparedMetricName } from "../../comparison/index.ts";
import type { RunDescription } from "../../report/index.ts";
import type { SweepFieldDescription } from "../../report/sweep/index.ts";
import type { Scenario } from "../../scenario/index.ts";
import { encodeExactJson } from "./exact-json.ts";
import type { ShardSpec } from "./shard.ts";
import {
  SHARD_FILE_FORMAT,
  SHARD_FILE_VERSION,
  type ShardHeader,
  type ShardReplication,
} from "./shard-file-header.ts";

/** One variant of a compare, or one point of a sweep, and this shard's replications of it. */
export interface ShardSeries {
  readonly name: string;
  /** compare: the variant's description. */
  readonly description?: string;
  /** sweep: the index of the point's value in each swept field. */
  readonly indices?: readonly number[];
  /**
   * SHA-256 of the variant's scenario as simulated (its exact JSON): shards of other files,
   * overrides or modes under the same names disagree here.
   */
  readonly scenarioSha256: string;
  /** This shard's replications, ascending. */
  readonly results: readonly ShardReplication[];
}

/** The options that shape compare's files. */
export interface CompareShardOptions {
  readonly baseline: number;
  readonly confidence: number;
  readonly metrics: readonly ComparedMetricName[];
  readonly scopes: "overall" | "all";
}

/** A shard of `ccsim compare`: every variant, on this shard's replications. */
export interface CompareShardFile extends ShardHeader {
  readonly command: "compare";
  /** The run description compare's files carry (comparison.json, the chart's title). */
  readonly run: RunDescription;
  readonly options: CompareShardOptions;
  readonly variants: readonly (ShardSeries & { readonly description: string })[];
}

/** What shapes sweep's files besides the points. */
export interface SweepShardDescription {
  readonly fields: readonly SweepFieldDescription[];
  readonly fixed: readonly string[];
  readonly metrics: readonly ComparedMetricName[];
}

/** A shard of `ccsim sweep`: every grid point, on this shard's replications. */
export interface SweepShardFile extends ShardHeader {
  readonly command: "sweep";
  readonly run: RunDescription;
  readonly sweep: SweepShardDescription;
  readonly points: readonly (ShardSeries & { readonly indices: readonly number[] })[];
}

/** The header of a compare's or sweep's shard: the run description's scenario, seed, provenance. */
function studyHeaderOf(
  command: "compare" | "sweep",
  shard: ShardSpec,
  run: RunDescription,
  replications: number,
): ShardHeader {
  if (run.provenance === undefined) throw new RangeError("a shard needs the run's provenance");
  return {
    format: SHARD_FILE_FORMAT,
    formatVersion: SHARD_FILE_VERSION,
    command,
    scenario: run.scenario,
    seed: run.seed,
    replications,
    shard,
    provenance: run.provenance,
  };
}

/** The text of a compare's shard file; `replications` counts all shards' together. */
export function renderCompareShardFile(
  shard: ShardSpec,
  replications: number,
  content: Pick<CompareShardFile, "run" | "options" | "variants">,
): string {
  const file: CompareShardFile = {
    ...studyHeaderOf("compare", shard, content.run, replications),
    command: "compare",
    run: content.run,
    options: content.options,
    variants: content.variants,
  };
  return `${encodeExactJson(file)}\n`;
}

/** The text of a sweep's shard file; `replications` counts all shards' together. */
export function renderSweepShardFile(
  shard: ShardSpec,
  replications: number,
  content: Pick<SweepShardFile, "run" | "sweep" | "points">,
): string {
  const file: SweepShardFile = {
    ...studyHeaderOf("sweep", shard, content.run, replications),
    command: "sweep",
    run: content.run,
    sweep: content.sweep,
    points: content.points,
  };
  return `${encodeExactJson(file)}\n`;
}

/** The {@link ShardSeries.scenarioSha256} of `scenario`. */
export function scenarioSha256Of(scenario: Scenario): string {
  return createHash("sha256").update(encodeExactJson(scenario)).digest("hex");
}
