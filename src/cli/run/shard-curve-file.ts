/**
 * The shard file of `ccsim staff --per-interval --shard i/n`: one day of the staffing-curve
 * search on this shard's replications, with what the search is (the scenario as checked and its
 * hash, group, targets, bounds) and the days already merged, so that merge can aggregate the day
 * and replay the search. The start, Erlang's curve and the targets' queues are not recorded:
 * merge derives them from the scenario carried (curvePlanOf), as the shard did.
 */
import type { TargetEstimate } from "../../planning/index.ts";
import type { Scenario } from "../../scenario/index.ts";
import { encodeExactJson } from "./exact-json.ts";
import {
  SHARD_FILE_FORMAT,
  SHARD_FILE_VERSION,
  type ShardHeader,
  type ShardReplication,
} from "./shard-file-header.ts";

/** The search's options as given (targets as typed). */
export interface CurveSearchOptionsRecord {
  readonly group: string;
  readonly targets: readonly string[];
  readonly criterion: "interval" | "mean";
  readonly min: number;
  readonly max: number;
  readonly maxDays: number;
}

/** One day merged: its vector and, per interval, each target's estimate over all replications. */
export interface MergedDayRecord {
  readonly staffing: readonly number[];
  readonly estimates: readonly (readonly TargetEstimate[])[];
}

/**
 * Which search a shard or a progress file belongs to, besides the shard header: the scenario
 * (by hash) and the options decide everything else the search starts from.
 */
export interface CurveStudyIdentity {
  /** SHA-256 of the scenario as checked (seed and replications applied), its exact JSON. */
  readonly scenarioSha256: string;
  readonly options: CurveSearchOptionsRecord;
}

/** A shard of one day of `ccsim staff --per-interval`. */
export interface CurveShardFile extends ShardHeader, CurveStudyIdentity {
  readonly command: "staff";
  /**
   * The scenario as checked (its SHA-256 is the identity's, checked by merge): merge reads no
   * scenario file, and derives from it the start, Erlang's curve the search calibrates each step
   * to, the targets' queues and the interval layout.
   */
  readonly scenarioDefinition: Scenario;
  /** The days merged before this one, in the order simulated (none in round 1). */
  readonly days: readonly MergedDayRecord[];
  /** This day's vector. */
  readonly staffing: readonly number[];
  /** This shard's replications of the day, ascending. */
  readonly results: readonly ShardReplication[];
}

/** The text of a staff shard file; `replications` counts all shards' together. */
export function renderCurveShardFile(
  header: Omit<ShardHeader, "format" | "formatVersion" | "command">,
  content: Omit<CurveShardFile, keyof ShardHeader>,
): string {
  const file: CurveShardFile = {
    format: SHARD_FILE_FORMAT,
    formatVersion: SHARD_FILE_VERSION,
    command: "staff",
    ...header,
    ...content,
  };
  return `${encodeExactJson(file)}\n`;
}

/** What must be the same in every shard of one day (as JSON text). */
export function curveDefinitionOf(file: CurveShardFile): string {
  return encodeExactJson({
    scenarioSha256: file.scenarioSha256,
    options: file.options,
    days: file.days,
    staffing: file.staffing,
  });
}
